// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skip_access_rules', table => {
    table.comment(
      'Access rules written through the portal: a catalog group gets a ClusterRole somewhere',
    );
    table.string('id', 40).primary().notNullable();
    table.text('rule').notNullable().comment('JSON AccessRuleInput');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('skip_access_applied', table => {
    table.comment(
      'Bindings the portal has applied, so a binding deleted by hand is told from one never applied',
    );
    table.string('cluster', 63).notNullable();
    table.string('kind', 32).notNullable();
    table
      .string('namespace', 63)
      .notNullable()
      .comment('Empty for a ClusterRoleBinding');
    table.string('name', 253).notNullable();
    table.string('rule_id', 40).notNullable();
    table
      .string('rule_fingerprint', 64)
      .notNullable()
      .comment('sha256 of what the rule resolved to when it was applied');
    table.timestamp('applied_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'kind', 'namespace', 'name']);
  });
  await knex.schema.createTable('skip_access_drift', table => {
    table.comment('The last drift check of each cluster');
    table.string('cluster', 63).primary().notNullable();
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.text('report').notNullable().comment('JSON ClusterDrift');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('skip_access_drift');
  await knex.schema.dropTable('skip_access_applied');
  await knex.schema.dropTable('skip_access_rules');
};
