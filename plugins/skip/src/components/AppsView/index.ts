export { AppsView } from './AppsView';
export type { AppsViewProps } from './AppsView';
