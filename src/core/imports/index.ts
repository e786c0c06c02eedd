export { parseCareerMap, type ParseCareerMapResult } from './careerMap';
export {
  OPPORTUNITY_OPTIONAL_FIELDS,
  OPPORTUNITY_REQUIRED_FIELDS,
  parseOpportunities,
  type ParseOpportunitiesResult,
} from './opportunities';
export { capProblems, MAX_PROBLEMS } from './problems';
export {
  decodeImportFile,
  detectFormat,
  MAX_IMPORT_BYTES,
  type DecodeOptions,
  type ImportFileInput,
  type ImportFormat,
} from './readText';
export {
  parseStaffDirectory,
  STAFF_OPTIONAL_FIELDS,
  STAFF_REQUIRED_FIELDS,
  staffImportRowSchema,
  type ParseStaffDirectoryResult,
  type StaffImportRow,
} from './staff';
export {
  normaliseFieldName,
  readImportFile,
  readRecords,
  type ImportRecord,
  type ReadRecordsResult,
  type RecordSpec,
} from './tabular';
