import { runToolMain } from './runToolMain';

runToolMain('gcloud');
