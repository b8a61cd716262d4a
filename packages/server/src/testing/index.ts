// @gongfang/server/testing: what the server's tests and the benchmarks share. Not for production code.

export { PG_BIN, type PostgresOptions, type RunningPostgres, startPostgres } from './postgres.ts';
