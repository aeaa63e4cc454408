/**
 * Roles and what they may do. Permissions are a closed set (never free strings); a role is
 * "stronger" than another when it holds a permission the other lacks, which is how user
 * administration decides which roles an administrator may grant (see grantableRoles).
 */
export const roles = [
  'system_admin',
  'central_analyst',
  'regional_coordinator',
  'provincial_delegate',
  'inspector',
  'social_worker',
  'institution_director',
  'institution_accountant',
  'association_officer',
] as const;
export type Role = (typeof roles)[number];

export const scopeLevels = ['nation', 'region', 'delegation', 'association', 'institution'] as const;
export type ScopeLevel = (typeof scopeLevels)[number];

export const permissions = [
  'territory.read',
  'organisation.manage',
  'users.read',
  'users.manage',
  'audit.read',
  // Reference data (territory, chart of lines, form templates) and system settings: national only.
  'reference.manage',
  // Approval workflow (decision 0007): the "waiting for me" inbox. Who may act at which level is
  // declared per document type; these permissions only open the screens.
  'approvals.inbox',
  // Annual action plans of the delegations; who drafts them is the author level of their chain.
  'planning.read',
  // Documents attached to records (the owner's module may ask for other permissions).
  'documents.read',
  'documents.write',
  // Forms (platform service): read definitions and answers in scope; answer them; design them (national).
  'forms.read',
  'forms.answer',
  'forms.design',
  // Registry (issue 5): associations, institutions, licensing. Everyone in scope reads; writing
  // edits what lies in scope (an association officer its association and its institutions);
  // creating and importing are the delegations' work; licensing steps are recorded by the
  // administration, changes are declared by the founder or the director.
  'registry.read',
  'registry.write',
  'registry.create',
  'registry.import',
  'licensing.record',
  'licensing.declare',
  // Communes (territory reference below the provinces), kept by the delegations that cover them.
  'communes.manage',
  // Beneficiaries and the Jisr pathway (issue 6). Reading persons and case files in scope;
  // receiving (register a person, open a request); working a case (diagnosis, referral, plan,
  // notes); keeping an institution's register (admission, exit, transfer); sensitive data (health,
  // disability, violence: the roles of beneficiaries.may_read_sensitive()); reviewing merges of
  // duplicate persons; and the law 09-08 duties (access logs, exports on request, retention).
  'beneficiaries.read',
  'beneficiaries.receive',
  'beneficiaries.case',
  'beneficiaries.register',
  'beneficiaries.sensitive',
  'beneficiaries.merge',
  'beneficiaries.privacy',
  // Public directory (issue 7): a delegation chooses which institutions and fields are public;
  // place availability is published by the delegation or by the institution's director.
  'directory.publish',
  'directory.availability',
  'finance.read',
  'finance.keep',
  'finance.budget',
  'finance.review',
  'subsidies.read',
  'subsidies.manage',
  'subsidies.pay',
  'subsidies.override',
  'subsidies.justify',
  'subsidies.audit',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['territory.read', 'documents.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: [...everyone, 'documents.write', 'organisation.manage', 'users.read', 'users.manage', 'audit.read', 'reference.manage', 'approvals.inbox', 'planning.read'],
  central_analyst: [...everyone, 'users.read', 'approvals.inbox', 'planning.read'],
  regional_coordinator: [...everyone, 'documents.write', 'organisation.manage', 'users.read', 'users.manage', 'audit.read', 'approvals.inbox', 'planning.read'],
  provincial_delegate: [...everyone, 'documents.write', 'users.read', 'users.manage', 'audit.read', 'approvals.inbox', 'planning.read'],
  inspector: [...everyone, 'documents.write', 'planning.read'],
  social_worker: [...everyone, 'documents.write'],
  institution_director: [...everyone, 'documents.write', 'users.read'],
  institution_accountant: [...everyone, 'documents.write'],
  association_officer: [...everyone, 'documents.write'],
};

// Forms: every role reads; the staff who fill forms about what lies in their scope answer;
// only the system administrator designs (form definitions are national reference data).
const formsGrants: Record<Role, Permission[]> = {
  system_admin: ['forms.read', 'forms.answer', 'forms.design'],
  central_analyst: ['forms.read'],
  regional_coordinator: ['forms.read', 'forms.answer'],
  provincial_delegate: ['forms.read', 'forms.answer'],
  inspector: ['forms.read', 'forms.answer'],
  social_worker: ['forms.read', 'forms.answer'],
  institution_director: ['forms.read', 'forms.answer'],
  institution_accountant: ['forms.read'],
  association_officer: ['forms.read'],
};
for (const role of roles) (rolePermissions[role] as Permission[]).push(...formsGrants[role]);

const registryGrants: Record<Role, Permission[]> = {
  system_admin: ['registry.read', 'registry.write', 'registry.create', 'registry.import', 'licensing.record', 'licensing.declare'],
  central_analyst: ['registry.read'],
  regional_coordinator: ['registry.read', 'registry.write', 'registry.create', 'registry.import', 'licensing.record', 'licensing.declare'],
  provincial_delegate: ['registry.read', 'registry.write', 'registry.create', 'registry.import', 'licensing.record', 'licensing.declare'],
  inspector: ['registry.read'],
  social_worker: ['registry.read'],
  institution_director: ['registry.read', 'registry.write', 'licensing.declare'],
  institution_accountant: ['registry.read'],
  association_officer: ['registry.read', 'registry.write', 'licensing.declare'],
};
for (const role of roles) (rolePermissions[role] as Permission[]).push(...registryGrants[role]);
for (const role of ['system_admin', 'regional_coordinator', 'provincial_delegate'] as const) (rolePermissions[role] as Permission[]).push('communes.manage');

// Personal data is for those who work with the persons; national analysts see figures, not people.
const beneficiariesGrants: Record<Role, Permission[]> = {
  system_admin: ['beneficiaries.read', 'beneficiaries.merge', 'beneficiaries.privacy'],
  central_analyst: [],
  regional_coordinator: ['beneficiaries.read', 'beneficiaries.privacy'],
  provincial_delegate: ['beneficiaries.read', 'beneficiaries.receive', 'beneficiaries.case', 'beneficiaries.register', 'beneficiaries.merge', 'beneficiaries.privacy'],
  inspector: ['beneficiaries.read'],
  social_worker: ['beneficiaries.read', 'beneficiaries.receive', 'beneficiaries.case', 'beneficiaries.register', 'beneficiaries.sensitive'],
  institution_director: ['beneficiaries.read', 'beneficiaries.receive', 'beneficiaries.case', 'beneficiaries.register', 'beneficiaries.sensitive'],
  institution_accountant: [],
  association_officer: [],
};
for (const role of roles) (rolePermissions[role] as Permission[]).push(...beneficiariesGrants[role]);

for (const role of ['system_admin', 'regional_coordinator', 'provincial_delegate'] as const) {
  (rolePermissions[role] as Permission[]).push('directory.publish', 'directory.availability');
}
(rolePermissions.institution_director as Permission[]).push('directory.availability');

/**
 * Institution finance (issue 9): everyone who oversees an institution reads its accounts; the
 * director and the accountant keep the books and draft the budget; the founder (association
 * officer) approves it; the delegation reviews it and the region and nation see the consolidation.
 */
const financeGrants: Record<Role, Permission[]> = {
  system_admin: ['finance.read', 'finance.review'],
  central_analyst: ['finance.read'],
  regional_coordinator: ['finance.read', 'finance.review'],
  provincial_delegate: ['finance.read', 'finance.review'],
  inspector: ['finance.read'],
  social_worker: [],
  institution_director: ['finance.read', 'finance.keep', 'finance.budget'],
  institution_accountant: ['finance.read', 'finance.keep', 'finance.budget'],
  association_officer: ['finance.read', 'finance.budget'],
};
for (const role of roles) (rolePermissions[role] as Permission[]).push(...financeGrants[role]);

/**
 * Partnerships and subsidies (issue 8): the delegation (or region) draws up conventions, plans and
 * pays tranches; overriding an unmet blocking condition is for the regional coordinator and the
 * administrator; associations justify; inspectors and delegations run audit missions.
 */
const subsidiesGrants: Record<Role, Permission[]> = {
  system_admin: ['subsidies.read', 'subsidies.manage', 'subsidies.pay', 'subsidies.override', 'subsidies.audit'],
  central_analyst: ['subsidies.read'],
  regional_coordinator: ['subsidies.read', 'subsidies.manage', 'subsidies.pay', 'subsidies.override', 'subsidies.audit'],
  provincial_delegate: ['subsidies.read', 'subsidies.manage', 'subsidies.pay', 'subsidies.audit'],
  inspector: ['subsidies.read', 'subsidies.audit'],
  social_worker: [],
  institution_director: ['subsidies.read', 'subsidies.justify'],
  institution_accountant: ['subsidies.read', 'subsidies.justify'],
  association_officer: ['subsidies.read', 'subsidies.justify'],
};
for (const role of roles) (rolePermissions[role] as Permission[]).push(...subsidiesGrants[role]);

/** The scope levels at which each role makes sense (a social worker is never national). */
export const roleScopeLevels: Record<Role, readonly ScopeLevel[]> = {
  system_admin: ['nation', 'region', 'delegation'],
  central_analyst: ['nation'],
  regional_coordinator: ['region'],
  provincial_delegate: ['delegation'],
  inspector: ['nation', 'region', 'delegation'],
  social_worker: ['delegation', 'institution'],
  institution_director: ['institution'],
  institution_accountant: ['institution'],
  association_officer: ['association'],
};

export const hasPermission = (role: Role, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);

/** A role may be granted only by someone holding every permission it carries. */
/**
 * The field work with persons' data (reception, case files, registers, sensitive data) is
 * need-to-know, not power over other accounts: a system administrator or a delegate who never reads
 * a health record still creates the social workers' and directors' accounts. These permissions are
 * left out when comparing the strength of two roles.
 */
const needToKnow: readonly Permission[] = ['beneficiaries.read', 'beneficiaries.receive', 'beneficiaries.case', 'beneficiaries.register', 'beneficiaries.sensitive',
  // An institution's own work (its books, its budget, its justifications) is not power over others:
  // the delegate who creates a director's account never keeps that institution's books.
  'finance.keep', 'finance.budget', 'subsidies.justify'];

export const canGrantRole = (granter: Role, granted: Role): boolean =>
  rolePermissions[granted].every((p) => needToKnow.includes(p) || rolePermissions[granter].includes(p));

export const grantableRoles = (granter: Role): Role[] => roles.filter((r) => canGrantRole(granter, r));

const levelDepth: Record<ScopeLevel, number> = { nation: 0, region: 1, delegation: 2, association: 2, institution: 3 };
export const scopeDepth = (level: ScopeLevel): number => levelDepth[level];
