export * from './benchmark.js';
export * from './case-rules.js';
export * from './case-workflow.js';
export * from './citations.js';
export * from './complaints.js';
export * from './penalties.js';
export * from './publication.js';
export * from './state-table.js';
