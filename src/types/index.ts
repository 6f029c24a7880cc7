export * from './survey.js';
export * from './inference.js';
export * from './result.js';
export * from './plan.js';
export * from './net.js';
export * from './crosstab.js';
