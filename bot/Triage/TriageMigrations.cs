using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The AI triage's tables (ETHICS.md): judgements for supervisor review (redacted text only, ETH-05), opt-outs
/// (ETH-04), the kill switch flag and the append-only triage audit log (ETH-03, ETH-08). Created whether or not the
/// triage is enabled, so past judgements stay reviewable and opt-outs are kept.
/// </summary>
public sealed class TriageMigrations : IStoreMigrations
{
    public const string FeatureName = "triage";

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Judgements, opt-outs, settings and the triage audit log.
        StoreMigration.Portable(
            "judgements-opt-outs-settings-audit",
            """
                CREATE TABLE triage_judgements (
                    id {serial},
                    conversation_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    rule_level TEXT NOT NULL,
                    ai_level TEXT NOT NULL,
                    final_level TEXT NOT NULL,
                    raised_by_ai {int} NOT NULL,
                    categories TEXT NOT NULL,
                    rationale TEXT NOT NULL,
                    confidence {real} NOT NULL,
                    prompt_version TEXT NOT NULL,
                    model TEXT NOT NULL,
                    excerpt TEXT NOT NULL,
                    reviewer_id TEXT,
                    review_decision TEXT,
                    reviewed_level TEXT,
                    review_reason TEXT,
                    reviewed_at TEXT
                );
                CREATE INDEX triage_judgements_conversation ON triage_judgements (conversation_id, id);
                CREATE INDEX triage_judgements_review ON triage_judgements (reviewed_at, id);
                CREATE TABLE triage_opt_outs (
                    channel_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    opted_out_at TEXT NOT NULL,
                    PRIMARY KEY (channel_id, user_id)
                ){without rowid};
                CREATE TABLE triage_settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE triage_audit (
                    id {serial},
                    at TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                {append-only triage_audit 'the triage audit log is append-only'}
                """,
            legacyVersion: 4),
    ];
}
