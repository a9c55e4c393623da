import { Type } from '@sinclair/typebox';
import { DateString, Nullable, NullableInteger, NullableNumber, NullableString } from '../../http/schemas.js';
import { SCENARIOS } from '../measures/scenarios.js';
import { MAX_PARTIES } from './service.js';

export const ReviewBody = Type.Object({
  scenario: Type.String({ minLength: 1, maxLength: 40, description: `one of ${SCENARIOS.map((s) => `${s.code} (${s.name})`).join(', ')}` }),
  department: Type.Optional(Type.String({ maxLength: 40, description: 'credit-center staff only: the department the review is for' })),
  parties: Type.Array(Type.Object({
    code: Type.Optional(Type.String({ maxLength: 64 })), name: Type.Optional(Type.String({ maxLength: 300 })),
  }, { additionalProperties: false }), { minItems: 1, description: `at most ${MAX_PARTIES}; more is a 413` }),
}, { additionalProperties: false });

export const FeedbackBody = Type.Object({
  applied: Type.Boolean(), measure: Type.Optional(Type.String({ maxLength: 63 })), reason: Type.String({ minLength: 1, maxLength: 2000 }),
}, { additionalProperties: false });

export const ReviewParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const HitParams = Type.Object({ id: Type.Integer({ minimum: 1 }), hitId: Type.Integer({ minimum: 1 }) });

export const MeasureStatsQuery = Type.Object({ department: Type.Optional(Type.String({ maxLength: 40 })), from: Type.Optional(DateString), to: Type.Optional(DateString) });

const Match = Type.Object({
  subjectId: Type.Integer(), kind: Type.String(), uscc: NullableString, idNumberMasked: Type.Optional(Type.String()), name: Type.String(),
  score: Type.Number(), via: Type.String({ description: 'code, name, former_name or fuzzy' }),
});

const Hit = Type.Object({
  id: Type.Integer(), kind: Type.String({ description: 'list_entry or serious_penalty' }),
  list: Nullable(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })),
  category: Type.Union([Type.String(), Type.Null()], { description: 'the category name of a serious penalty' }),
  entryId: NullableInteger, recordId: NullableInteger, since: NullableString, until: NullableString, decidedBy: Type.String(), documentNo: NullableString,
  reason: NullableString, measures: Type.Array(Type.String(), { description: 'codes of the scenario\'s measures this hit triggers' }),
});

const Party = Type.Object({
  input: Type.Object({ code: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }, { description: 'as sent, an ID number masked' }),
  matched: Nullable(Match), candidates: Type.Array(Match), hits: Type.Array(Hit),
  measures: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String(), legalBasis: Type.String() })),
  errors: Type.Array(Type.Object({ field: Type.String(), position: Type.Optional(Type.Integer()), message: Type.String() })),
});

export const ReviewResultView = Type.Object({
  id: Type.Integer(), scenario: Type.String(), department: NullableString, createdAt: Type.String(),
  counts: Type.Object({ parties: Type.Integer(), matched: Type.Integer(), hitParties: Type.Integer(), hits: Type.Integer() }),
  thresholds: Type.Object({ autoConfirm: Type.Number(), candidate: Type.Number() }),
  parties: Type.Array(Party, { description: 'one per input party, in input order' }),
});

export const FeedbackView = Type.Object({
  id: Type.Integer(), hitId: Type.Integer(), applied: Type.Boolean(), measure: NullableString, reason: Type.String(), actorName: Type.String(), createdAt: Type.String(),
});

export const StoredReviewView = Type.Object({
  id: Type.Integer(), scenario: Type.String(), departmentId: NullableInteger, actorName: Type.String(),
  parties: Type.Integer(), matched: Type.Integer(), hitParties: Type.Integer(), createdAt: Type.String(),
  hits: Type.Array(Type.Object({
    id: Type.Integer(), reviewId: Type.Integer(), partyIndex: Type.Integer(), subjectId: Type.Integer(), kind: Type.String(),
    listEntryId: NullableInteger, recordId: NullableInteger, listCode: NullableString, measures: Type.Array(Type.String()),
    subjectName: Type.String(), uscc: NullableString, idMasked: NullableString, feedback: Type.Array(FeedbackView),
  })),
});

const rates = { feedbackRate: NullableNumber, applicationRate: NullableNumber };
const counts = {
  initiations: Type.Integer({ description: 'list entries initiated (发起)' }), reviews: Type.Integer(), parties: Type.Integer({ description: 'parties reviewed' }),
  hits: Type.Integer(), hitsWithFeedback: Type.Integer(), hitsApplied: Type.Integer({ description: 'hits where a measure was applied' }), feedbacks: Type.Integer(),
  ...rates,
};

/** 跟踪问效 figures in total, per department, per month (China time) and per measure. */
export const MeasureStatsView = Type.Object({
  from: NullableString, to: NullableString,
  totals: Type.Object(counts, { description: 'the sum over the departments shown' }),
  departments: Type.Array(Type.Object({ departmentId: NullableInteger, department: NullableString, departmentName: NullableString, ...counts })),
  months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), ...counts })),
  measures: Type.Array(Type.Object({
    measure: Type.String(), name: Type.String(), applicable: Type.Integer(), withFeedback: Type.Integer(), applied: Type.Integer(), notApplied: Type.Integer(), ...rates,
  })),
});
