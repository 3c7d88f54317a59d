export { FleetPage, FleetLegacyPage } from './FleetPage';
