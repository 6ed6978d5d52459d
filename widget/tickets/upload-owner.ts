// Whose saved ticket uploads these are (app key + user), and a flag in localStorage saying some wait to be sent:
// the start-up bundle reads the flag to load the tickets view only when there is a file to send, with no IndexedDB code.
import { readStored, writeStored } from '../storage';

export const uploadsOwner = (appKey: string, userId: string): string => `${appKey}:${userId}`;

const flagKey = (owner: string) => `cs:uploads:${owner}`;

export const uploadsWaiting = (owner: string): boolean => readStored(flagKey(owner)) !== null;

export function markUploadsWaiting(owner: string, waiting: boolean): void {
  writeStored(flagKey(owner), waiting ? '1' : null);
}
