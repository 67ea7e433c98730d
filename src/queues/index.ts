export * from './settings';
export * from './state';
export * from './outcome';
export * from './reminder';
export * from './recognise';
