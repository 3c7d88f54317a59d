import { runToolMain } from './runToolMain';

runToolMain('gkeadm');
