import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportUploads1796003200157 implements MigrationInterface {
  name = 'ImportUploads1796003200157';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"import_uploads\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"format\" character varying(10) NOT NULL, \"bytes\" integer NOT NULL, \"status\" character varying(12) NOT NULL, \"mapping\" text, \"header_row\" integer NOT NULL, \"summary\" text NOT NULL, \"sheet\" character varying(31), \"progress\" integer NOT NULL DEFAULT '0', \"result\" text, \"run_id\" character varying(36), \"created_at\" character varying(30) NOT NULL, \"expires_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_58545a8417eb0cb1985c71adeb1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_expires\" ON \"import_uploads\"  (\"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_import_uploads_plan\" ON \"import_uploads\"  (\"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"import_upload_chunks\" (\"upload_id\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, \"data\" text NOT NULL, CONSTRAINT \"PK_2e55c029572eb9d41106654785b\" PRIMARY KEY (\"upload_id\", \"seq\"))");
    await queryRunner.query("CREATE TABLE \"import_mappings\" (\"id\" character varying(36) NOT NULL, \"plan_id\" character varying(36) NOT NULL, \"name\" character varying(60) NOT NULL, \"mapping\" text NOT NULL, \"version\" integer NOT NULL, \"created_at\" character varying(30) NOT NULL, \"updated_at\" character varying(30) NOT NULL, CONSTRAINT \"PK_0fa9ff07029c3b68e95d7968592\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_mappings_plan_name\" ON \"import_mappings\"  (\"plan_id\", \"name\") ");
    await queryRunner.query("ALTER TABLE \"import_uploads\" ADD CONSTRAINT \"FK_ea29e51c7c6973ae9b1ca2e0abd\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"import_upload_chunks\" ADD CONSTRAINT \"FK_6b66ee05d713a30c89b2d3b7a54\" FOREIGN KEY (\"upload_id\") REFERENCES \"import_uploads\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"import_mappings\" ADD CONSTRAINT \"FK_44eb0d2cf49fdfc28d1ffff30b7\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_mappings\" DROP CONSTRAINT \"FK_44eb0d2cf49fdfc28d1ffff30b7\"");
    await queryRunner.query("ALTER TABLE \"import_upload_chunks\" DROP CONSTRAINT \"FK_6b66ee05d713a30c89b2d3b7a54\"");
    await queryRunner.query("ALTER TABLE \"import_uploads\" DROP CONSTRAINT \"FK_ea29e51c7c6973ae9b1ca2e0abd\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_import_mappings_plan_name\"");
    await queryRunner.query("DROP TABLE \"import_mappings\"");
    await queryRunner.query("DROP TABLE \"import_upload_chunks\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_import_uploads_plan\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_import_uploads_expires\"");
    await queryRunner.query("DROP TABLE \"import_uploads\"");
  }
}
