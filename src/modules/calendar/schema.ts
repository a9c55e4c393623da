import { Type } from '@sinclair/typebox';
import { DateString } from '../../http/schemas.js';
import { MAX_WORKING_DAYS } from './working-days.js';

const DayKindSchema = Type.Union([Type.Literal('holiday'), Type.Literal('workday')], { description: 'holiday 休 / workday 调休上班' });
export const Day = Type.Object({ date: Type.String(), kind: DayKindSchema, name: Type.String() });
export const YearView = Type.Object({ year: Type.Integer(), published: Type.Boolean(), source: Type.Union([Type.String(), Type.Null()]), items: Type.Array(Day), total: Type.Integer() });
export const YearParam = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) });
export const DateParam = Type.Object({ date: DateString });

export const AddWorkingDaysQuery = Type.Object({ date: DateString, days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }) });
export const AddedWorkingDays = Type.Object({ date: Type.String(), provisional: Type.Boolean() });
export const BetweenQuery = Type.Object({ from: DateString, to: DateString });
export const WorkingDaysBetween = Type.Object({ days: Type.Integer(), provisional: Type.Boolean() });
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) });
export const DayBody = Type.Object({ kind: DayKindSchema, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
export const YearBody = Type.Object({ published: Type.Boolean(), source: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const NoContent = Type.Null();
