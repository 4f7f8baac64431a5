// Request and response schemas of the registry's API, for validation and the OpenAPI document.
import { Type } from 'typebox';
import { Problem } from '../open-data/open-data.schema.ts';

export { Problem };
const NString = Type.Union([Type.String(), Type.Null()]);

export const RegistryQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the title or overview' })),
  organization: Type.Optional(Type.String({ maxLength: 100, description: 'Organization key' })),
  year: Type.Optional(Type.String({ pattern: '^(\\d{4})?$', description: 'Year of the task (four digits)' })),
  status: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('designated'), Type.Literal('not_designated')])),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  notice: Type.Optional(Type.String({ maxLength: 40 })),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const PolicyTask = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  organization: Type.String(),
  organization_key: Type.String(),
  overview: Type.String(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.String({ description: 'designated (for real-name disclosure) or not_designated' }),
  designation_basis: Type.Union([Type.String({ description: 'organization or public_application' }), Type.Null()]),
  designated_at: NString,
  timeline: Type.Array(Type.Object({ date: Type.String({ description: 'as the organization writes it' }), step: Type.String() })),
  officials: Type.Array(
    Type.Object({ role: Type.String(), name: Type.String({ description: 'a name, or a position' }), department: NString, final_approver: Type.Boolean() }),
    { description: 'From the working level up to the final approver; empty until the task is designated' },
  ),
  applications: Type.Array(
    Type.Object({ id: Type.Integer(), state: Type.String(), submitted_at: Type.String(), decided_at: NString, decision_reason: NString }),
    { description: 'Applications for disclosure, without the applicants' },
  ),
  url: Type.String(),
});
