import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { HandoverEntity } from './handover.entity';
import { PersonEntity } from './person.entity';
import { PlanEntity } from './plan.entity';
import { SkillEntity } from './skill.entity';

/**
 * A knowledge-transfer session (docs/domain.md#knowledge-transfer-sessions). Who attended and what
 * it covered live in link tables, so "the sessions of this handover (or skill)" is an indexed
 * lookup on both dialects; a deleted person, handover or skill leaves the sessions, minus the link.
 */
@Entity('kt_sessions')
@Index('idx_kt_sessions_plan_date', ['planId', 'date'])
export class KtSessionEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @DateColumn() date!: string;
  @TextColumn(200) topic!: string;
  @TextColumn(30) method!: string;
  @TextColumn(200) givenBy!: string;
  @TextColumn(2000, { nullable: true }) materialsUrl!: string | null;
  @LongTextColumn({ nullable: true }) notes!: string | null;
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/** A person of the plan who attended; `seq` keeps the order the session listed them in. */
@Entity('kt_session_attendees')
@Index('idx_kt_session_attendees_person', ['personId', 'sessionId'])
export class KtSessionAttendeeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) sessionId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) personId!: string;
  @IntColumn() seq!: number;
  @ManyToOne(() => KtSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: KtSessionEntity;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;
}

/** A handover the session served. */
@Entity('kt_session_handovers')
@Index('idx_kt_session_handovers_handover', ['handoverId', 'sessionId'])
export class KtSessionHandoverEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) sessionId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) handoverId!: string;
  @IntColumn() seq!: number;
  @ManyToOne(() => KtSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: KtSessionEntity;
  @ManyToOne(() => HandoverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'handover_id' })
  handover?: HandoverEntity;
}

/** A skill the session taught. */
@Entity('kt_session_skills')
@Index('idx_kt_session_skills_skill', ['skillId', 'sessionId'])
export class KtSessionSkillEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) sessionId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) skillId!: string;
  @IntColumn() seq!: number;
  @ManyToOne(() => KtSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: KtSessionEntity;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
}
