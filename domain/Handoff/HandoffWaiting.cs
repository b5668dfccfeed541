namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Set in turn state by <see cref="HandoffRelayMiddleware"/> while the conversation waits in the queue and
/// no counselor holds it: the bot keeps answering (crisis path, listening, one honest waiting line).
/// </summary>
/// <param name="PlaceInQueue">1 = next; null when the place is not known.</param>
/// <param name="CounselorOnDuty">Within counselor hours and at least one counselor is signed in and available.</param>
/// <param name="CounselorsBackAt">When counselor hours next begin (only when outside hours), else null.</param>
/// <param name="Waited">How long the conversation has waited so far.</param>
public sealed record HandoffWaiting(int? PlaceInQueue, bool CounselorOnDuty, DateTimeOffset? CounselorsBackAt, TimeSpan Waited);
