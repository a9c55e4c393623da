import type { Words } from '../../i18n/words';

/** Data-item types in words (the API sends their codes). */
export const FIELD_TYPES: Words = {
  string: ['文本', 'Text'], text: ['长文本', 'Long text'], date: ['日期', 'Date'], decimal: ['小数', 'Decimal'], integer: ['整数', 'Whole number'],
  enum: ['代码表取值', 'One of a list'], uscc: ['统一社会信用代码', 'Unified social credit code'], id_number: ['身份证件号码', 'ID number'], code: ['证照编码', 'Code'],
};

/** Words of this screen not in the shared dictionaries. */
export const CATALOG_WORDS = {
  fieldLabelEn: ['英文名称', 'English label'],
} as const;
