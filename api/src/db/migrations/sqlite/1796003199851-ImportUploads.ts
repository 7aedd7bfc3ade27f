import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportUploads1796003199851 implements MigrationInterface {
  name = 'ImportUploads1796003199851';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"import_uploads\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"format\" varchar(10) NOT NULL, \"bytes\" integer NOT NULL, \"status\" varchar(12) NOT NULL, \"mapping\" text, \"header_row\" integer NOT NULL, \"summary\" text NOT NULL, \"sheet\" varchar(31), \"progress\" integer NOT NULL DEFAULT (0), \"result\" text, \"run_id\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"expires_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_expires\" ON \"import_uploads\" (\"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_plan\" ON \"import_uploads\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"import_upload_chunks\" (\"upload_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"data\" text NOT NULL, PRIMARY KEY (\"upload_id\", \"seq\"))");
    await queryRunner.query("CREATE TABLE \"import_mappings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(60) NOT NULL, \"mapping\" text NOT NULL, \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_mappings_plan_name\" ON \"import_mappings\" (\"plan_id\", \"name\") ");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_expires\"");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_plan\"");
    await queryRunner.query("CREATE TABLE \"temporary_import_uploads\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"format\" varchar(10) NOT NULL, \"bytes\" integer NOT NULL, \"status\" varchar(12) NOT NULL, \"mapping\" text, \"header_row\" integer NOT NULL, \"summary\" text NOT NULL, \"sheet\" varchar(31), \"progress\" integer NOT NULL DEFAULT (0), \"result\" text, \"run_id\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"expires_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_ea29e51c7c6973ae9b1ca2e0abd\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_import_uploads\"(\"id\", \"plan_id\", \"user_id\", \"format\", \"bytes\", \"status\", \"mapping\", \"header_row\", \"summary\", \"sheet\", \"progress\", \"result\", \"run_id\", \"created_at\", \"expires_at\") SELECT \"id\", \"plan_id\", \"user_id\", \"format\", \"bytes\", \"status\", \"mapping\", \"header_row\", \"summary\", \"sheet\", \"progress\", \"result\", \"run_id\", \"created_at\", \"expires_at\" FROM \"import_uploads\"");
    await queryRunner.query("DROP TABLE \"import_uploads\"");
    await queryRunner.query("ALTER TABLE \"temporary_import_uploads\" RENAME TO \"import_uploads\"");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_expires\" ON \"import_uploads\" (\"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_plan\" ON \"import_uploads\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"temporary_import_upload_chunks\" (\"upload_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"data\" text NOT NULL, CONSTRAINT \"FK_6b66ee05d713a30c89b2d3b7a54\" FOREIGN KEY (\"upload_id\") REFERENCES \"import_uploads\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"upload_id\", \"seq\"))");
    await queryRunner.query("INSERT INTO \"temporary_import_upload_chunks\"(\"upload_id\", \"seq\", \"data\") SELECT \"upload_id\", \"seq\", \"data\" FROM \"import_upload_chunks\"");
    await queryRunner.query("DROP TABLE \"import_upload_chunks\"");
    await queryRunner.query("ALTER TABLE \"temporary_import_upload_chunks\" RENAME TO \"import_upload_chunks\"");
    await queryRunner.query("DROP INDEX \"uq_import_mappings_plan_name\"");
    await queryRunner.query("CREATE TABLE \"temporary_import_mappings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(60) NOT NULL, \"mapping\" text NOT NULL, \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL, CONSTRAINT \"FK_44eb0d2cf49fdfc28d1ffff30b7\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_import_mappings\"(\"id\", \"plan_id\", \"name\", \"mapping\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"name\", \"mapping\", \"version\", \"created_at\", \"updated_at\" FROM \"import_mappings\"");
    await queryRunner.query("DROP TABLE \"import_mappings\"");
    await queryRunner.query("ALTER TABLE \"temporary_import_mappings\" RENAME TO \"import_mappings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_mappings_plan_name\" ON \"import_mappings\" (\"plan_id\", \"name\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_import_mappings_plan_name\"");
    await queryRunner.query("ALTER TABLE \"import_mappings\" RENAME TO \"temporary_import_mappings\"");
    await queryRunner.query("CREATE TABLE \"import_mappings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"name\" varchar(60) NOT NULL, \"mapping\" text NOT NULL, \"version\" integer NOT NULL, \"created_at\" varchar(30) NOT NULL, \"updated_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"import_mappings\"(\"id\", \"plan_id\", \"name\", \"mapping\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"plan_id\", \"name\", \"mapping\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_import_mappings\"");
    await queryRunner.query("DROP TABLE \"temporary_import_mappings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_mappings_plan_name\" ON \"import_mappings\" (\"plan_id\", \"name\") ");
    await queryRunner.query("ALTER TABLE \"import_upload_chunks\" RENAME TO \"temporary_import_upload_chunks\"");
    await queryRunner.query("CREATE TABLE \"import_upload_chunks\" (\"upload_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"data\" text NOT NULL, PRIMARY KEY (\"upload_id\", \"seq\"))");
    await queryRunner.query("INSERT INTO \"import_upload_chunks\"(\"upload_id\", \"seq\", \"data\") SELECT \"upload_id\", \"seq\", \"data\" FROM \"temporary_import_upload_chunks\"");
    await queryRunner.query("DROP TABLE \"temporary_import_upload_chunks\"");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_plan\"");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_expires\"");
    await queryRunner.query("ALTER TABLE \"import_uploads\" RENAME TO \"temporary_import_uploads\"");
    await queryRunner.query("CREATE TABLE \"import_uploads\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"plan_id\" varchar(36) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"format\" varchar(10) NOT NULL, \"bytes\" integer NOT NULL, \"status\" varchar(12) NOT NULL, \"mapping\" text, \"header_row\" integer NOT NULL, \"summary\" text NOT NULL, \"sheet\" varchar(31), \"progress\" integer NOT NULL DEFAULT (0), \"result\" text, \"run_id\" varchar(36), \"created_at\" varchar(30) NOT NULL, \"expires_at\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"import_uploads\"(\"id\", \"plan_id\", \"user_id\", \"format\", \"bytes\", \"status\", \"mapping\", \"header_row\", \"summary\", \"sheet\", \"progress\", \"result\", \"run_id\", \"created_at\", \"expires_at\") SELECT \"id\", \"plan_id\", \"user_id\", \"format\", \"bytes\", \"status\", \"mapping\", \"header_row\", \"summary\", \"sheet\", \"progress\", \"result\", \"run_id\", \"created_at\", \"expires_at\" FROM \"temporary_import_uploads\"");
    await queryRunner.query("DROP TABLE \"temporary_import_uploads\"");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_plan\" ON \"import_uploads\" (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_expires\" ON \"import_uploads\" (\"expires_at\") ");
    await queryRunner.query("DROP INDEX \"uq_import_mappings_plan_name\"");
    await queryRunner.query("DROP TABLE \"import_mappings\"");
    await queryRunner.query("DROP TABLE \"import_upload_chunks\"");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_plan\"");
    await queryRunner.query("DROP INDEX \"idx_import_uploads_expires\"");
    await queryRunner.query("DROP TABLE \"import_uploads\"");
  }
}
