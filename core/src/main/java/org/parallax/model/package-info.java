/** Value types shared by every stage: spans and per-input problems. Imports no stage. */
package org.parallax.model;
