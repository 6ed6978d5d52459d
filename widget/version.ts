// The widget's own version, reported to the server as `sdkVersion` in the conversation context.
export const WIDGET_VERSION = '0.1.0';
