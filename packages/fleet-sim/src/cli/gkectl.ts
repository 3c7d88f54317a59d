import { runToolMain } from './runToolMain';

runToolMain('gkectl');
