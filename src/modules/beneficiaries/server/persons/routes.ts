/** The persons part of the beneficiaries API (issue 6 item 1): search, record, family, households. */
import { z } from 'zod';
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext, type Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { Ok, Uuid } from '../../../../platform/contract/common.ts';
import {
  CreatePersonBody,
  Household,
  HouseholdBody,
  HouseholdListQuery,
  HouseholdPage,
  Person,
  PersonListQuery,
  PersonPage,
  Relative,
  RelativeBody,
  UpdatePersonBody,
} from '../../contract/persons.ts';
import { logAccess } from '../access-log.ts';
import { findHousehold, listHouseholds } from './households.ts';
import { findPerson, listPersons, listRelatives } from './queries.ts';
import { addRelative, createHousehold, createPerson, deleteRelative, updateHousehold, updatePerson, updateRelative } from './service.ts';

const tags = ['beneficiaries'];
const IdParams = z.strictObject({ id: Uuid });
const RelativeParams = z.strictObject({ id: Uuid, relativeId: Uuid });

/** The record as the caller may see it, its read logged in the same transaction (law 09-08 art. 24). */
export async function readPerson(tx: Tx, id: string): Promise<Person> {
  const person = await findPerson(tx, id);
  if (!person) throw notFound();
  await logAccess(tx, [id], 'person');
  return person;
}

export function personsRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/persons', { schema: { tags, querystring: PersonListQuery, response: { 200: PersonPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx, user) => listPersons(tx, user, request.query, request.lang)),
  );

  api.post('/api/persons', { schema: { tags, body: CreatePersonBody, response: { 201: Person } } }, async (request, reply) => {
    const person = await scoped(ctx, request, 'beneficiaries.receive', async (tx, user) => readPerson(tx, await createPerson(tx, user.id, request.body)));
    return reply.code(201).send(person);
  });

  api.get('/api/persons/:id', { schema: { tags, params: IdParams, response: { 200: Person } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => readPerson(tx, request.params.id)),
  );

  api.patch('/api/persons/:id', { schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: Person } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await updatePerson(tx, request.params.id, request.body);
      return readPerson(tx, request.params.id);
    }),
  );

  api.get('/api/persons/:id/relatives', { schema: { tags, params: IdParams, response: { 200: z.array(Relative) } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', async (tx) => {
      if (!(await findPerson(tx, request.params.id))) throw notFound();
      await logAccess(tx, [request.params.id], 'person');
      return listRelatives(tx, request.params.id);
    }),
  );

  api.post('/api/persons/:id/relatives', { schema: { tags, params: IdParams, body: RelativeBody, response: { 201: Person } } }, async (request, reply) => {
    const person = await scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await addRelative(tx, request.params.id, request.body);
      return readPerson(tx, request.params.id);
    });
    return reply.code(201).send(person);
  });

  api.patch('/api/persons/:id/relatives/:relativeId', { schema: { tags, params: RelativeParams, body: RelativeBody, response: { 200: Person } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await updateRelative(tx, request.params.id, request.params.relativeId, request.body);
      return readPerson(tx, request.params.id);
    }),
  );

  api.delete('/api/persons/:id/relatives/:relativeId', { schema: { tags, params: RelativeParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await deleteRelative(tx, request.params.id, request.params.relativeId);
      return { ok: true as const };
    }),
  );

  api.get('/api/households', { schema: { tags, querystring: HouseholdListQuery, response: { 200: HouseholdPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => listHouseholds(tx, request.query)),
  );

  api.post('/api/households', { schema: { tags, body: HouseholdBody, response: { 201: Household } } }, async (request, reply) => {
    const household = await scoped(ctx, request, 'beneficiaries.receive', async (tx) => (await findHousehold(tx, await createHousehold(tx, request.body)))!);
    return reply.code(201).send(household);
  });

  api.get('/api/households/:id', { schema: { tags, params: IdParams, response: { 200: Household } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', async (tx) => {
      const household = await findHousehold(tx, request.params.id);
      if (!household) throw notFound();
      await logAccess(tx, household.members.map((m) => m.id), 'person');
      return household;
    }),
  );

  api.patch('/api/households/:id', { schema: { tags, params: IdParams, body: HouseholdBody, response: { 200: Household } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await updateHousehold(tx, request.params.id, request.body);
      return (await findHousehold(tx, request.params.id))!;
    }),
  );
}
