export { EntityPrefixesCard } from './EntityPrefixesCard';
