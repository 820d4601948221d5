/**
 * Evaluates every zone with an enabled policy once per minute, spread over all detect instances,
 * with no central scheduler.
 *
 * <h2>Who evaluates a zone</h2>
 * Security events are keyed by zone on {@code security.events.v1}, so a zone lives on the partition
 * Kafka's default partitioner picks for its id ({@link io.auditline.detect.schedule.ZonePartitions}).
 * Every instance is a member of the consumer group {@code auditline-detect-schedule} (its own group on
 * the topic, beside the rollup consumers' {@code auditline-detect}); the partitions the group
 * gives an instance are the zones it evaluates. The group coordinator is the only arbiter, so there
 * is nothing of our own to elect or fail over: when an instance dies, its session times out and its
 * partitions, and with them its zones, move to the survivors.
 *
 * <h2>Why ownership alone is not enough: the claim row</h2>
 * Group membership is not a lock. During a rebalance the old owner may still be in a tick while
 * the new owner starts one, and a member cut off from the coordinator keeps believing it owns its
 * partitions until its session expires. So before evaluating (zone, minute) an instance inserts
 * that pair into {@code detect_evaluations} with {@code ON CONFLICT DO NOTHING}; the primary key
 * makes the insert succeed for exactly one instance, and only that one evaluates. Ownership decides
 * who <em>tries</em>; the claim decides who <em>does</em>.
 *
 * <h2>No missed minutes</h2>
 * A tick does not evaluate "the minute that just ended" but every minute since the zone's latest
 * claim, oldest first, back at most {@code lookback} (an hour by default). A zone whose owner died
 * is therefore caught up by its next owner, however long the session timeout and rebalance took, and
 * a tick that ran late or not at all is made good by the next. A zone never claimed before starts
 * with the minute that just ended: a newly enabled policy is not judged on the hour before it.
 * Within a zone minutes are claimed in order and a failed claim stops the zone for that tick, so the
 * claims of a zone never have a hole below its latest claim except an unfinished one (below).
 *
 * <h2>An evaluator that dies after claiming</h2>
 * The claim row is written before the evaluation and marked {@code done} after it. A row still not
 * done after {@code staleClaim} belongs to an instance that crashed (or hangs) mid-evaluation; every
 * tick the owner of the zone re-claims such rows with a conditional update and evaluates them again.
 * The alternative, holding the claim in an open transaction for the whole evaluation so that a crash
 * rolls it back, would pin a connection per running evaluation and still not make the evaluator's
 * side effects (notifications) atomic with the claim. So the guarantee is: exactly one completed
 * evaluation per (zone, minute) across rebalances and crashes, and an evaluation interrupted by a
 * crash is run again once; evaluators must tolerate that repeat (notifications are keyed by zone and
 * minute), which is also why {@code staleClaim} must be well above the longest evaluation.
 */
package io.auditline.detect.schedule;
