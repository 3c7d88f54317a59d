/**
 * SKIP Portal frontend: the fleet page and the SKIP tabs of components and groups.
 *
 * @packageDocumentation
 */
export { skipPlugin as default } from './plugin';
export {
  skipLegacyPlugin,
  SkipFleetPage,
  EntitySkipAppsContent,
  EntitySkipTeamContent,
} from './legacy';
