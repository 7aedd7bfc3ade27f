import { Column, PrimaryColumn, type ColumnOptions } from 'typeorm';

// Column types valid on both SQLite and PostgreSQL, so one set of entities serves both dialects.
// Explicit everywhere: tsx/esbuild emit no decorator metadata for TypeORM to infer types from.
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
/** An instant as fixed-width ISO 8601 UTC text: sorts and compares as text on both dialects. */
export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 30, ...options });
/** A calendar date as `YYYY-MM-DD` text. */
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 10, ...options });
export const TextColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, ...options });
export const LongTextColumn = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });
export const IntColumn = (options: ColumnOptions = {}) => Column({ type: 'integer', ...options });
export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', ...options });
export const RealColumn = (options: ColumnOptions = {}) => Column({ type: 'double precision', ...options });
