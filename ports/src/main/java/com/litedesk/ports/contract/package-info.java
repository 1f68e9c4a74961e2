/**
 * Marks on record components that state the wire contract of a type: what may be null (or left out), and the
 * limits the core enforces. The HTTP layer derives its OpenAPI schemas from them; they change no behaviour.
 */
package com.litedesk.ports.contract;
