/** API contract of the access module: login, the current user, user administration. */
import { z } from 'zod';
import { Language, PageQuery, Uuid, optionalText, pageOf, text } from '../../platform/contract/common.ts';
import { permissions, roles, scopeLevels } from './permissions.ts';

export const Role = z.enum(roles);
export const ScopeLevel = z.enum(scopeLevels);
export const PermissionName = z.enum(permissions);

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'username_format' });
export const Password = z.string().min(10).max(200);
export const Email = z.email().max(200);
export const Phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9 ]{6,20}$/, { error: 'phone_format' });

export const LoginBody = z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Scope = z.object({
  level: ScopeLevel,
  regionId: Uuid.nullable(),
  delegationId: Uuid.nullable(),
  associationId: Uuid.nullable(),
  institutionId: Uuid.nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
});
export type Scope = z.infer<typeof Scope>;

export const Me = z.object({
  id: Uuid,
  username: z.string(),
  fullNameAr: z.string(),
  fullNameFr: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: Language,
  role: Role,
  scope: Scope,
  permissions: z.array(PermissionName),
  grantableRoles: z.array(Role),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.strictObject({ language: Language });

export const UserStatus = z.enum(['active', 'disabled']);

export const User = z.object({
  id: Uuid,
  username: z.string(),
  fullNameAr: z.string(),
  fullNameFr: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: Language,
  role: Role,
  status: UserStatus,
  scope: Scope,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
export const UserPage = pageOf(User);

/** Where an account sits: the id is the region or delegation it is scoped to (none for nation). */
export const ScopeTarget = z.strictObject({ level: ScopeLevel, id: Uuid.nullable() });
export type ScopeTarget = z.infer<typeof ScopeTarget>;

const userFields = {
  fullNameAr: text(120),
  fullNameFr: text(120),
  email: optionalText(200).pipe(Email.nullable()),
  phone: optionalText(20).pipe(Phone.nullable()),
  language: Language,
  role: Role,
  scope: ScopeTarget,
};

export const CreateUserBody = z.strictObject({ username: Username, password: Password, ...userFields });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({ ...userFields, status: UserStatus }).partial();
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.strictObject({ newPassword: Password });
