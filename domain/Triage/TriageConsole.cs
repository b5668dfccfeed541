using ChatSupport.Domain.Handoff;

namespace ChatSupport.Domain.Triage;

/// <summary>How the console's signed-in users and texts meet the triage (ETH-08).</summary>
public static class TriageConsole
{
    /// <summary>Supervisors and admins review; counselors only see the suggestions.</summary>
    public static TriageActor Actor(CounselorIdentity who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return new TriageActor(who.UserName, who.SeesEverything ? TriageRole.Supervisor : TriageRole.Counselor);
    }

    /// <summary>The Japanese message for a review outcome that is not <see cref="TriageReviewOutcome.Recorded"/>.</summary>
    public static string Message(TriageReviewOutcome outcome) => outcome switch
    {
        TriageReviewOutcome.Recorded => "記録しました。",
        TriageReviewOutcome.Forbidden => "AIの判定を確認できるのはスーパーバイザーだけです。",
        TriageReviewOutcome.NotFound => "その判定は見つかりません。",
        TriageReviewOutcome.AlreadyReviewed => "この判定はすでに確認済みです。",
        TriageReviewOutcome.ReasonRequired => "修正するときは理由を書いてください。",
        TriageReviewOutcome.SameLevel => "AIと同じレベルです。修正ではなく「確認」を使ってください。",
        _ => "記録できませんでした。",
    };

    /// <summary>The Japanese message for a kill switch result that is not <see cref="TriageCommandResult.Done"/>.</summary>
    public static string Message(TriageCommandResult result) => result switch
    {
        TriageCommandResult.Done => "切り替えました。",
        TriageCommandResult.Forbidden => "AIを止めたり再開したりできるのはスーパーバイザーだけです。",
        TriageCommandResult.ReasonRequired => "理由を書いてください。",
        _ => "切り替えられませんでした。",
    };
}
