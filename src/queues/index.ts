export * from './outcome';
export * from './recognise';
export * from './reminder';
export * from './settings';
export * from './state';
