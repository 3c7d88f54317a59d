import { generateTls } from './tls/generateTls';
import { ResourceRegistry } from './server/resources';
it('times', async () => {
  let t = Date.now();
  generateTls();
  console.log('tls', Date.now() - t); t = Date.now();
  new ResourceRegistry();
  console.log('registry', Date.now() - t);
}, 30000);
