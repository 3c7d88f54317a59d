export { EntityAccessCard } from './EntityAccessCard';
