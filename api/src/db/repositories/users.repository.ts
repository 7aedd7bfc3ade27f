import type { Page, User } from '@handover/shared';
import { In } from 'typeorm';
import { newId } from '../../core/ids';
import type { Tx } from '../data-source';
import { UserEntity } from '../entities/user.entity';
import { toUser } from './user.mapper';

export type NewUser = { email: string; name: string; passwordHash: string; isAdmin: boolean };

/** A user with the hash their password is checked against; never leaves the API. */
export type UserWithPassword = User & { passwordHash: string };

const withPassword = (u: UserEntity): UserWithPassword => ({ ...toUser(u), passwordHash: u.passwordHash });

export async function insertUser(m: Tx, u: NewUser, now: Date): Promise<User> {
  const entity: UserEntity = {
    id: newId(),
    email: u.email,
    name: u.name,
    passwordHash: u.passwordHash,
    isAdmin: u.isAdmin,
    active: true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await m.getRepository(UserEntity).insert(entity);
  return toUser(entity);
}

export async function findUserByEmail(m: Tx, email: string): Promise<UserWithPassword | null> {
  const user = await m.getRepository(UserEntity).findOne({ where: { email } });
  return user && withPassword(user);
}

export async function findUser(m: Tx, id: string): Promise<UserWithPassword | null> {
  const user = await m.getRepository(UserEntity).findOne({ where: { id } });
  return user && withPassword(user);
}

/** The first active administrator created: who the import CLI acts as by default. */
export async function findFirstAdmin(m: Tx): Promise<User | null> {
  const user = await m.getRepository(UserEntity).findOne({ where: { isAdmin: true, active: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  return user && toUser(user);
}

/** Which of these ids are users. */
export async function existingUserIds(m: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await m.getRepository(UserEntity).find({ where: { id: In(ids) }, select: { id: true } });
  return new Set(found.map((u) => u.id));
}

/** Display names by user id (users are never deleted, only deactivated). */
export async function namesOf(m: Tx, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m.getRepository(UserEntity).find({ where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const emailTaken = (m: Tx, email: string): Promise<boolean> => m.getRepository(UserEntity).exists({ where: { email } });

export const countUsers = (m: Tx): Promise<number> => m.getRepository(UserEntity).count();

export async function setPasswordHash(m: Tx, id: string, passwordHash: string, at: string): Promise<void> {
  await m.getRepository(UserEntity).update({ id }, { passwordHash, updatedAt: at });
}

/** Set a user's `active` flag (docs/domain.md#access-lifecycle). */
export async function setUserActive(m: Tx, id: string, active: boolean, at: string): Promise<void> {
  await m.getRepository(UserEntity).update({ id }, { active, updatedAt: at });
}

export async function listUsers(m: Tx, q: { email?: string; active?: boolean; limit: number; offset: number }): Promise<Page<User>> {
  const [rows, total] = await m.getRepository(UserEntity).findAndCount({
    where: { ...(q.email && { email: q.email.toLowerCase() }), ...(q.active !== undefined && { active: q.active }) },
    order: { email: 'ASC' },
    take: q.limit,
    skip: q.offset,
  });
  return { items: rows.map(toUser), total, limit: q.limit, offset: q.offset };
}
