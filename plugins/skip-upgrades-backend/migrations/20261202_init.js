// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('skip_upgrade_runs', table => {
    table.comment(
      'Staged upgrade runs: the plan each was started with and where it stands',
    );
    table.string('id', 64).primary().notNullable();
    table.string('target_version', 64).notNullable();
    table.text('scope').notNullable().comment('JSON UpgradeScope');
    table
      .text('plan')
      .notNullable()
      .comment('JSON UpgradePlan: the snapshot the run keeps');
    table.string('state', 32).notNullable();
    table.text('message').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.boolean('abort_requested').notNullable().defaultTo(false);
    table
      .string('lease_owner', 128)
      .nullable()
      .comment('The engine that drives the run now');
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.index(['state'], 'skip_upgrade_runs_state_idx');
  });
  await knex.schema.createTable('skip_upgrade_steps', table => {
    table.comment(
      'The steps of a run, in order, each with its state and the attempt that ran it',
    );
    table
      .string('run_id', 64)
      .notNullable()
      .references('id')
      .inTable('skip_upgrade_runs')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('key', 200).notNullable();
    table.string('stage', 64).notNullable();
    table.string('kind', 64).notNullable();
    table.string('cluster', 63).nullable();
    table.string('state', 32).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.timestamp('waiting_until', { useTz: true }).nullable();
    table.integer('exit_code').nullable();
    table.text('message').nullable();
    table.string('approved_by', 255).nullable();
    table.string('skipped_by', 255).nullable();
    table
      .text('detail')
      .nullable()
      .comment(
        'JSON the engine keeps for later steps, e.g. the apps already unhealthy before an upgrade',
      );
    table.primary(['run_id', 'key']);
  });
  await knex.schema.createTable('skip_upgrade_output', table => {
    table.comment('Everything each step printed, line by line, per attempt');
    table.bigIncrements('seq').primary();
    table
      .string('run_id', 64)
      .notNullable()
      .references('id')
      .inTable('skip_upgrade_runs')
      .onDelete('CASCADE');
    table.string('step_key', 200).notNullable();
    table.integer('attempt').notNullable();
    table.string('stream', 16).notNullable();
    table.text('line').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['run_id', 'step_key', 'seq'], 'skip_upgrade_output_step_idx');
  });
  await knex.schema.createTable('skip_upgrade_events', table => {
    table.comment('Who did what to a run, and when (the engine included)');
    table.bigIncrements('seq').primary();
    table
      .string('run_id', 64)
      .notNullable()
      .references('id')
      .inTable('skip_upgrade_runs')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('step_key', 200).nullable();
    table.text('detail').nullable();
    table.index(['run_id', 'seq'], 'skip_upgrade_events_run_idx');
  });
  await knex.schema.createTable('skip_upgrade_cluster_locks', table => {
    table.comment(
      'One active run per cluster (admin clusters included): the primary key is the lock',
    );
    table.string('cluster', 63).primary().notNullable();
    table
      .string('run_id', 64)
      .notNullable()
      .references('id')
      .inTable('skip_upgrade_runs')
      .onDelete('CASCADE');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('skip_upgrade_cluster_locks');
  await knex.schema.dropTable('skip_upgrade_events');
  await knex.schema.dropTable('skip_upgrade_output');
  await knex.schema.dropTable('skip_upgrade_steps');
  await knex.schema.dropTable('skip_upgrade_runs');
};
