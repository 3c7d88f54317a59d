export { AccessPage } from './AccessPage';
export type { AccessPageProps } from './AccessPage';
export { EffectiveAccessTable } from './EffectiveAccessTable';
export type { EffectiveAccessTableProps } from './EffectiveAccessTable';
