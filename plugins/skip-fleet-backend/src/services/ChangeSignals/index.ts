export { ChangeSignals } from './ChangeSignals';
