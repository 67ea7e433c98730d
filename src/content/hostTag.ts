/** The element that holds a call button (its closed shadow root holds the button). */
export const HOST_TAG = 'voip-widget-call';
