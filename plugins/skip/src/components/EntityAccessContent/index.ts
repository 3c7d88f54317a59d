export { EntityAccessContent } from './EntityAccessContent';
