export { updateLists, updateSource, type UpdateReport, type UpdateOptions, type SourceUpdate, type SourceStatus, type ListChange } from './update.js';
export { loadSources, parseSources, sourcesFilePath, BUNDLED_SOURCES_FILE, SOURCES_ENV, type ListSource, type SourcesFile } from './sources.js';
export { fetchFile, FetchError, DEFAULT_FETCH_OPTIONS, type FetchOptions, type FetchOutcome, type FetchedFile } from './fetch.js';
export { listsStatus, type ListStatus, type ListsHealth } from './status.js';
export { scheduleListUpdates, parseInterval, DEFAULT_LIST_UPDATE_INTERVAL_MS, LIST_UPDATE_INTERVAL_ENV, type ListUpdateSchedule, type ScheduleOptions } from './schedule.js';
