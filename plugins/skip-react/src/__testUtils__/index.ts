export { MockSignalApi } from './MockSignalApi';
export { backendError } from './backendError';
export { startFakeFleetBackend } from './startFakeFleetBackend';
export type { FakeAnswer, ReceivedRequest } from './startFakeFleetBackend';
