// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skip_onboarding_requests', table => {
    table.comment(
      'Requests for namespace prefixes, with their decisions and history',
    );
    table.string('id', 64).primary().notNullable();
    table.string('team', 255).notNullable();
    table.string('prefix', 63).notNullable();
    table.text('reason').nullable();
    table.string('state', 16).notNullable();
    table.string('requested_by', 255).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('decision').nullable();
    table.string('git_branch', 255).nullable();
    table.text('history').notNullable().comment('JSON RequestEvent[]');
    table.index(['team'], 'skip_onboarding_requests_team_idx');
  });
  await knex.schema.createTable('skip_onboarding_claims', table => {
    table.comment(
      'Prefixes held (pending or active) or given back (retired); no two held ones overlap',
    );
    table.string('prefix', 63).primary().notNullable();
    table.string('team', 255).notNullable();
    table.string('request_id', 64).notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('pending, active or retired');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('retired_by', 255).nullable();
    table.timestamp('retired_at', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('skip_onboarding_claims');
  await knex.schema.dropTable('skip_onboarding_requests');
};
