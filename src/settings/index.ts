export * from './account';
export * from './preferences';
