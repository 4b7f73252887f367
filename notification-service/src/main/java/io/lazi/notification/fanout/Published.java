package io.lazi.notification.fanout;

/**
 * One notification as this instance fanned it out: where it was read, the instance's cursor right after it (what
 * a client that got it and everything before it from this instance has seen) and its text frame with that
 * cursor.
 *
 * @param notification what the browsers are told
 * @param partition the partition it was read from ({@link Cursor#partition(String, int)})
 * @param offset its offset there
 * @param cursor this instance's cursor once it was read
 * @param frame the JSON text frame carrying {@code cursor}
 */
record Published(Notification notification, String partition, long offset, Cursor cursor, String frame) {
}
