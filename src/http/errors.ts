import type { Lang } from '../rules/schema.ts';

/**
 * The one catalogue of the API's error codes. A code is stable: clients may branch on it; the
 * message is for people, in the request's language, and may change. Every error body is
 * `{ error: { code, message, issues? } }` and never carries a stack trace, SQL or a token.
 */
export const errorCodes = {
  invalid_json: 400,
  invalid_field: 400,
  invalid_profile: 400,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rules_not_in_force: 422,
  rate_limited: 429,
  internal: 500,
  report_unavailable: 503,
  store_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with one field of a request: where, what was given, what is accepted. */
export interface FieldIssue {
  /** Dotted path, e.g. "profile.person.dateOfBirth", "submittedAt", "tests.0". */
  path: string;
  /** The value given, or undefined (omitted from JSON) when the field is missing. */
  value?: unknown;
  /** What the field accepts, in the request's language. */
  expected: string;
  message: string;
}

const en = {
  invalid_json: 'The request body is not valid JSON.',
  invalid_field: 'The request has {n} invalid field(s); see "issues".',
  invalid_profile: 'The profile has {n} problem(s); see "issues".',
  not_found: 'Nothing was found at this address.',
  payload_too_large: 'The request body is larger than {limit}.',
  unsupported_media_type: 'The request body must be JSON, sent with "Content-Type: application/json".',
  rules_not_in_force: 'The route had no rules in force at {at}; its rules start at {earliest}.',
  rate_limited: 'Too many requests of this kind from your network; try again in {seconds} seconds.',
  internal: 'Something went wrong on our side. The error has been logged; please try again.',
  report_unavailable: 'The PDF report is not available yet on this server.',
  store_unavailable: 'Saved cases are unavailable at the moment; please try again later.',
  'issue.missing': '{path} is missing: give {expected}.',
  'issue.invalid': '{path} is {value}, which is not valid: expected {expected}.',
  'issue.unrecognized': '{path} is not a field here; the fields are {fields}.',
  'issue.unknownTest': '{path} is {value}, which is not a test of this route: expected {expected}.',
  'expect.moment':
    'an ISO 8601 date-time with its offset (e.g. 2025-03-01T10:00:00+08:00), or a date YYYY-MM-DD meaning 00:00 Hong Kong time',
  'expect.lang': 'one of en, zh-Hant, zh-Hans',
  'expect.route': 'the id of a route, e.g. hk.qmas',
  'expect.tests': 'a list of test ids of the route',
  'expect.state': 'one of to_do, in_progress, done, not_applicable',
  'expect.note': 'text of at most 2000 characters',
  'expect.date': 'a date YYYY-MM-DD, or null to clear it',
  'expect.object': 'a JSON object',
  'expect.text': 'text',
  'expect.oneOf': 'one of {values}',
  'expect.horizon': 'a number of years or months such as 5y or 18m, at most 10 years',
  'expect.changes': 'at least one of {fields}',
} as const;

export type ErrorMessageKey = keyof typeof en;
type Catalogue = Record<ErrorMessageKey, string>;

const zhHant: Catalogue = {
  invalid_json: '請求內容不是有效的 JSON。',
  invalid_field: '請求有 {n} 個欄位無效；詳見 "issues"。',
  invalid_profile: '申請人資料有 {n} 個問題；詳見 "issues"。',
  not_found: '此地址沒有任何內容。',
  payload_too_large: '請求內容超過 {limit}。',
  unsupported_media_type: '請求內容必須是 JSON，並以 "Content-Type: application/json" 傳送。',
  rules_not_in_force: '此計劃在 {at} 沒有生效的規則；其規則始於 {earliest}。',
  rate_limited: '你的網絡發出的同類請求過多；請於 {seconds} 秒後再試。',
  internal: '系統出現問題，錯誤已記錄；請再試一次。',
  report_unavailable: '此伺服器暫未提供 PDF 報告。',
  store_unavailable: '暫時未能存取已儲存的個案；請稍後再試。',
  'issue.missing': '欠缺 {path}：請提供{expected}。',
  'issue.invalid': '{path} 的值 {value} 無效：應為{expected}。',
  'issue.unrecognized': '{path} 不是此處的欄位；可用的欄位為 {fields}。',
  'issue.unknownTest': '{path} 的值 {value} 不是此計劃的評核準則：應為{expected}。',
  'expect.moment':
    '附時區的 ISO 8601 日期時間（例如 2025-03-01T10:00:00+08:00），或 YYYY-MM-DD 日期（即香港時間 00:00）',
  'expect.lang': 'en、zh-Hant 或 zh-Hans 其中之一',
  'expect.route': '計劃的代號，例如 hk.qmas',
  'expect.tests': '此計劃評核準則代號的列表',
  'expect.state': 'to_do、in_progress、done 或 not_applicable 其中之一',
  'expect.note': '不多於 2000 字的文字',
  'expect.date': 'YYYY-MM-DD 日期，或以 null 清除',
  'expect.object': 'JSON 物件',
  'expect.text': '文字',
  'expect.oneOf': '以下其中之一：{values}',
  'expect.horizon': '年數或月數，例如 5y 或 18m，最多10年',
  'expect.changes': '最少一個以下欄位：{fields}',
};

const zhHans: Catalogue = {
  invalid_json: '请求内容不是有效的 JSON。',
  invalid_field: '请求有 {n} 个字段无效；详见 "issues"。',
  invalid_profile: '申请人资料有 {n} 个问题；详见 "issues"。',
  not_found: '此地址没有任何内容。',
  payload_too_large: '请求内容超过 {limit}。',
  unsupported_media_type: '请求内容必须是 JSON，并以 "Content-Type: application/json" 发送。',
  rules_not_in_force: '此计划在 {at} 没有生效的规则；其规则始于 {earliest}。',
  rate_limited: '你的网络发出的同类请求过多；请于 {seconds} 秒后再试。',
  internal: '系统出现问题，错误已记录；请再试一次。',
  report_unavailable: '此服务器暂未提供 PDF 报告。',
  store_unavailable: '暂时未能访问已保存的个案；请稍后再试。',
  'issue.missing': '欠缺 {path}：请提供{expected}。',
  'issue.invalid': '{path} 的值 {value} 无效：应为{expected}。',
  'issue.unrecognized': '{path} 不是此处的字段；可用的字段为 {fields}。',
  'issue.unknownTest': '{path} 的值 {value} 不是此计划的评核准则：应为{expected}。',
  'expect.moment':
    '附时区的 ISO 8601 日期时间（例如 2025-03-01T10:00:00+08:00），或 YYYY-MM-DD 日期（即香港时间 00:00）',
  'expect.lang': 'en、zh-Hant 或 zh-Hans 其中之一',
  'expect.route': '计划的代号，例如 hk.qmas',
  'expect.tests': '此计划评核准则代号的列表',
  'expect.state': 'to_do、in_progress、done 或 not_applicable 其中之一',
  'expect.note': '不多于 2000 字的文字',
  'expect.date': 'YYYY-MM-DD 日期，或以 null 清除',
  'expect.object': 'JSON 对象',
  'expect.text': '文字',
  'expect.oneOf': '以下其中之一：{values}',
  'expect.horizon': '年数或月数，例如 5y 或 18m，最多10年',
  'expect.changes': '最少一个以下字段：{fields}',
};

export const errorCatalogues: Record<Lang, Catalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** A catalogue message with its {placeholders} filled. */
export function errorMessage(
  lang: Lang,
  key: ErrorMessageKey,
  params: Record<string, string | number> = {},
): string {
  return errorCatalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * An error the API answers with: a catalogue code, optional field issues and extra headers.
 *
 * @example throw new ApiError('not_found');
 * @example throw new ApiError('rate_limited', { params: { seconds: 60 }, headers: { 'Retry-After': '60' } });
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      issues?: FieldIssue[];
      params?: Record<string, string | number>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = 'ApiError';
    this.status = errorCodes[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[] };
}

/** The JSON body of an error, in the given language. */
export function errorBody(error: ApiError, lang: Lang): ErrorBody {
  const params = { n: error.options.issues?.length ?? 0, ...error.options.params };
  const body: ErrorBody = { error: { code: error.code, message: errorMessage(lang, error.code, params) } };
  if (error.options.issues) body.error.issues = error.options.issues;
  return body;
}
