// The page's one hub of host events (`ClassroomSupport.on/off`), shared by the script tag and the npm entry.
import { createHostEvents } from '../host-events';

export const hostEvents = createHostEvents();
