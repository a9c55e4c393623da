import { Type, type Static } from '@sinclair/typebox';
import { NullableInteger, NullableString, PageQuery, Paged } from '../../http/schemas.js';
import { FileMetaView, FileUpload } from '../cases/evidence.js';

export const RegistrationBody = Type.Object({
  kind: Type.Union([Type.Literal('enterprise'), Type.Literal('person')], { description: 'enterprise: an organisation with a USCC; person: a natural person with a citizen ID number' }),
  username: Type.String({ minLength: 1, maxLength: 40 }),
  password: Type.String({ minLength: 1, maxLength: 200, description: 'at least 10 characters' }),
  name: Type.String({ minLength: 1, maxLength: 200, description: 'the enterprise\'s registered name, or the person\'s name' }),
  uscc: Type.Optional(Type.String({ maxLength: 40, description: 'enterprise: its unified social credit code (check digit verified)' })),
  legalRep: Type.Optional(Type.String({ maxLength: 100, description: 'enterprise: its legal representative' })),
  idNumber: Type.Optional(Type.String({ maxLength: 40, description: 'person: citizen ID number; stored only as HMAC, ciphertext and a masked form' })),
  contactPhone: Type.Optional(Type.String({ maxLength: 40 })),
  contactEmail: Type.Optional(Type.String({ maxLength: 200 })),
  documentKind: Type.Optional(Type.Union([Type.Literal('licence'), Type.Literal('authorisation'), Type.Literal('id_card')], {
    description: 'licence: business licence (营业执照); authorisation: a letter authorising the applicant (授权委托书); id_card: a person\'s ID card scan',
  })),
  document: Type.Optional(FileUpload),
}, { additionalProperties: false });
export type RegistrationBody = Static<typeof RegistrationBody>;

/** What the applicant is told: the same for every person, whatever is on file (no name–ID oracle). */
export const RegistrationReceipt = Type.Object({
  id: Type.Integer(), kind: Type.String(), state: Type.String(), username: Type.String(), filedAt: Type.String(),
});

export const RegistrationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'enterprise | person' }),
  state: Type.String({ description: 'pending | approved | rejected' }),
  username: Type.String(), name: Type.String(),
  uscc: NullableString, legalRep: NullableString,
  idNumberMasked: Type.Union([Type.String(), Type.Null()], { description: 'a person\'s ID number, masked' }),
  contactPhone: NullableString, contactEmail: NullableString,
  filedAt: Type.String(), decidedAt: NullableString, decidedBy: NullableString, rejectReason: NullableString,
  subjectId: NullableInteger, userId: NullableInteger,
});

export const RegistrationDetail = Type.Composite([RegistrationView, Type.Object({
  files: Type.Array(FileMetaView),
  onFile: Type.Object({
    subjectId: Type.Union([Type.Integer(), Type.Null()], { description: 'the subject with this USCC or ID number, if the platform has one' }),
    name: Type.Union([Type.String(), Type.Null()], { description: 'its name on file' }),
    nameMatches: Type.Boolean({ description: 'the name given is the name on file' }),
    accounts: Type.Integer({ description: 'accounts that already speak for that subject' }),
    otherPending: Type.Integer({ description: 'other pending applications for the same enterprise or person' }),
  }, { description: 'what the platform holds on the applicant (staff only)' }),
})]);

export const RegistrationsQuery = Type.Object({
  state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])),
  ...PageQuery,
});

export const RegistrationsPage = Paged(RegistrationView);

export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const ApproveBody = Type.Object({}, { additionalProperties: false });

export const RegistrationFileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });

export const MySubjectView = Type.Object({
  id: Type.Integer(), kind: Type.String(), name: Type.String(),
  code: Type.String({ description: 'the subject\'s USCC, or the person\'s own ID number (to open its own archive)' }),
  codeMasked: Type.String({ description: 'the code as shown on screen (a person\'s ID number masked)' }),
});

export const OidcStatusView = Type.Object({ enabled: Type.Boolean({ description: 'sign-in through the city\'s OpenID Connect provider is configured' }) });

export const OidcStartQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500, description: 'a path of this site to return to' })) });

export const OidcCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2000 })), state: Type.Optional(Type.String({ maxLength: 500 })),
  error: Type.Optional(Type.String({ maxLength: 200 })), error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  iss: Type.Optional(Type.String({ maxLength: 500 })),
});
