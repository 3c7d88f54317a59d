// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skip_fleet_cluster_status', table => {
    table.comment('What each cluster last reported, so a restart still shows unreachable clusters with their age');
    table.string('cluster', 255).primary().notNullable();
    table.string('kubernetes_version', 255).nullable();
    table.string('platform_version', 255).nullable();
    table.integer('nodes_ready').nullable();
    table.integer('nodes_total').nullable();
    table.timestamp('last_seen_at', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('skip_fleet_cluster_status');
};
