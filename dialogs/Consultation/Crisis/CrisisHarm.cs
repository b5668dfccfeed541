using ChatSupport.Domain.Risk;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>The harm a crisis reply is chosen for; each has its own reviewed template (docs/crisis.md).</summary>
public enum CrisisHarm
{
    /// <summary>High risk without a more specific situation (「死にたい」): listening, 24-hour lines, 110/119.</summary>
    General,

    /// <summary>A plan or an attempt now (a dangerous place, means, an act under way, farewell): 110/119 first.</summary>
    PlanOrAttempt,

    /// <summary>Medicine taken in excess: 119 first, do not sleep alone, keep the packages.</summary>
    Overdose,

    /// <summary>
    /// Self-harm told without a wish to die, a method under way or a dangerous place (切るとちょっと楽になる): calm, no
    /// blame, the wound first (119 only if it bleeds or is deep), and places to talk — not "call 110 or 119 now".
    /// </summary>
    SelfHarm,

    /// <summary>Violence happening now or hiding from it: get safe, 110, 189 for a child, silent ways.</summary>
    ViolenceNow,

    /// <summary>Violence or abuse at home, not described as happening now: 110 if in danger, 189.</summary>
    Abuse,

    /// <summary>Violence from a partner: 110 if in danger, DV相談＋ (24 h).</summary>
    Dv,

    /// <summary>Sexual violence done to the writer: not your fault, #8891, 72 hours, #8103.</summary>
    SexualAssault,

    /// <summary>Threats to spread pictures or demands for money or more pictures: do not pay, keep the messages, police.</summary>
    Sextortion,

    /// <summary>The danger is someone else's: the writer is spoken to as the helper.</summary>
    FriendInDanger,

    /// <summary>Someone met online offering money, a ride or a room, or asking for secrecy: do not go, keep the messages, a trusted adult, #9110.</summary>
    Grooming,

    /// <summary>
    /// Pictures asked for (or already sent) by someone met online, with no threat to spread them and no demand:
    /// no need to send, refusing is fine, not your fault even if sent, keep the messages, do not meet; children's lines.
    /// </summary>
    Pictures,

    /// <summary>
    /// Followed now by a stranger or the same person or car (知らない男にずっとつけられてる): into a bright place with
    /// people (a convenience store, a police box), ask the staff for help, 110; #9110 for stalking that goes on.
    /// </summary>
    Followed,

    /// <summary>
    /// Drawn into a criminal job (闇バイト) and threatened when wanting out (家族どうなっても知らんぞ, 免許証ばらまく): do not
    /// go or do what they say, keep the messages, 110 or a police box now, tell family today — not the grooming or
    /// sextortion template (p21).
    /// </summary>
    CriminalJob,
}

/// <summary>Cue classes from the risk engine's situation layer (<see cref="RiskAssessment.Cues"/>) that choose a template.</summary>
public static class RiskCueClasses
{
    public const string Pictures = "pictures";
    public const string PictureRequest = "picture_request";
    public const string ThreatSpread = "threat_spread";
    public const string SexualAct = "sexual_act";
    public const string ActorFamily = "actor_family";
    public const string ActorSchool = "actor_school";
    public const string ActorPartner = "actor_partner";
    public const string ActorWork = "actor_work";
    public const string ParentPartner = "parent_partner";
    public const string StepParent = "step_parent";

    /// <summary>Medicine or pills swallowed (飲んだ, いった): what makes pills saved up an overdose rather than the means for one.</summary>
    public const string Ingestion = "ingestion";

    /// <summary>Whether a cue of <paramref name="cueClass"/> was read in the message.</summary>
    public static bool HasCue(this RiskAssessment assessment, string cueClass) => assessment.Cues.Any(c => c.Class == cueClass);
}

/// <summary>Situation ids from the risk engine (<see cref="RiskAssessment.Situations"/>) that choose a template.</summary>
public static class CrisisSituations
{
    public const string Overdose = "overdose";
    public const string Means = "means";
    public const string PlaceOfDanger = "place_of_danger";
    public const string MethodUnderWay = "method_under_way";
    public const string ViolenceNow = "violence_now";
    public const string ViolenceAct = "violence_act";
    public const string SexualAssault = "sexual_assault";
    public const string Sextortion = "sextortion";
    public const string Grooming = "grooming";
    public const string ThirdPerson = "third_person";
    public const string Finality = "finality";
}

/// <summary>
/// Chooses the harm of a high or critical message from the risk engine's categories, situation ids and
/// rule ids. Order matters: a person hiding from violence now is in danger themselves even when a sibling
/// was hit (third person); violence, sexual harm and sextortion are the writer's own unless nothing else
/// fits; a suicide or overdose danger described of someone else makes the writer the helper.
/// </summary>
public static class HarmClassifier
{
    /// <param name="assessment">The risk engine's reading of the message.</param>
    /// <param name="cues">
    /// What the crisis path reads in the same message: a safety net for the one case where a missed situation
    /// costs most: medicine already taken (<see cref="CrisisCue.TookMedicine"/>) is answered as an overdose.
    /// </param>
    /// <summary>The lexicon's rule of someone met online offering a bed for the night (Lexicon/lead13.yaml).</summary>
    private const string OnlineStrangerOffersABed = "online-stranger-offers-a-bed";

    /// <summary>The lexicon's rules of a criminal job's threats (Lexicon/lead13.yaml, lead17.yaml: dark-job-threat…).</summary>
    private const string DarkJobRules = "dark-job-threat";

    public static CrisisHarm Classify(RiskAssessment assessment, CrisisCue cues = CrisisCue.None)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var situations = assessment.Situations;
        bool Has(string id) => situations.Contains(id, StringComparer.Ordinal);
        bool Category(SupportCategory c) => assessment.Categories.Contains(c);
        var thirdPerson = Has(CrisisSituations.ThirdPerson) || assessment.Rules.Contains(RiskRuleIds.ThirdPerson, StringComparer.Ordinal);

        if (Has(CrisisSituations.ViolenceNow))
        {
            return CrisisHarm.ViolenceNow;
        }

        if (assessment.Rules.Any(r => r.StartsWith(DarkJobRules, StringComparison.Ordinal)))
        {
            // A criminal job's threat (lead13/lead17 dark-job-threat rules), even when an ID picture is threatened.
            return CrisisHarm.CriminalJob;
        }

        if (Has(CrisisSituations.Sextortion))
        {
            return CrisisHarm.Sextortion;
        }

        bool Cue(string cls) => assessment.HasCue(cls);
        if ((Has(CrisisSituations.Grooming) || Cue(RiskCueClasses.ThreatSpread)) && Cue(RiskCueClasses.Pictures)
            && !Cue(RiskCueClasses.SexualAct) && !thirdPerson
            && !Category(SupportCategory.SelfHarm) && !Category(SupportCategory.Suicidal) && !Category(SupportCategory.OtherPerson))
        {
            // Pictures sent to, asked for or threatened by someone met online, with no act done to the body: not
            // the assault template, whose hospital and 72-hour lines do not fit a boy who sent a photo. A threat to
            // spread them is sextortion (do not pay, keep the messages, police); asked for without a threat, the
            // person needs to hear that refusing is fine and that a picture already sent is not their fault.
            return Cue(RiskCueClasses.ThreatSpread) ? CrisisHarm.Sextortion : CrisisHarm.Pictures;
        }

        // Someone met online offering the writer a bed (インスタで知り合った人が泊めてくれるって): the offer names another person
        // as its subject, but the danger is the writer's own.
        var offeredABed = assessment.Rules.Contains(OnlineStrangerOffersABed, StringComparer.Ordinal);
        if (Has(CrisisSituations.Grooming) && !Has(CrisisSituations.SexualAssault) && !Cue(RiskCueClasses.SexualAct) && (!thirdPerson || offeredABed))
        {
            // Drawn in, nothing done to the body yet: do not go and tell someone — not the assault template's
            // hospital and 72-hour lines.
            return CrisisHarm.Grooming;
        }

        if (IsFollowing(assessment) && !Has(CrisisSituations.SexualAssault) && !Cue(RiskCueClasses.SexualAct) && !thirdPerson
            && !Cue(RiskCueClasses.ActorPartner) && !Cue(RiskCueClasses.ActorFamily)
            && !Category(SupportCategory.Suicidal) && !Category(SupportCategory.SelfHarm))
        {
            // Followed by a stranger, nothing done to the body: where to go now, not the assault template's hospital
            // lines (a partner or an ex who follows is partner violence, below).
            return CrisisHarm.Followed;
        }

        if (Category(SupportCategory.SexualViolence) && Category(SupportCategory.Abuse) && !thirdPerson && !Has(CrisisSituations.SexualAssault)
            && (Cue(RiskCueClasses.ParentPartner) || Cue(RiskCueClasses.StepParent) || Cue(RiskCueClasses.ActorFamily)))
        {
            // Someone at home who comes into the room at night or says "tell nobody" (ママの再婚相手が夜中に部屋に
            // 入ってくる): abuse in the home — the child abuse line, not the assault template's 72 hours.
            return CrisisHarm.Abuse;
        }

        if (Has(CrisisSituations.SexualAssault) || (Category(SupportCategory.SexualViolence) && !thirdPerson))
        {
            return CrisisHarm.SexualAssault;
        }

        if (Category(SupportCategory.Dv)
            || (Cue(RiskCueClasses.ActorPartner) && !thirdPerson && !Category(SupportCategory.Suicidal) && !Category(SupportCategory.SelfHarm)))
        {
            // A partner or an ex named with a threat (元カレにつきまとわれてる) is partner violence: 110, DV相談＋.
            return CrisisHarm.Dv;
        }

        if (Category(SupportCategory.Abuse) || Has(CrisisSituations.ViolenceAct))
        {
            return CrisisHarm.Abuse;
        }

        if (thirdPerson || (Category(SupportCategory.OtherPerson) && !Category(SupportCategory.Suicidal) && !Category(SupportCategory.SelfHarm)))
        {
            return CrisisHarm.FriendInDanger;
        }

        // Pills saved up and not taken (薬のまないで貯めてる。いま机の上にある) are the means, not an overdose: the reply is to
        // put them away from oneself, not "tell 119 what you took" (p21). Anything swallowed stays an overdose.
        var savedNotTaken = Has(CrisisSituations.Means) && !Cue(RiskCueClasses.Ingestion) && !cues.HasFlag(CrisisCue.AlreadyDid);
        if ((Has(CrisisSituations.Overdose) && !savedNotTaken) || cues.HasFlag(CrisisCue.TookMedicine))
        {
            return CrisisHarm.Overdose;
        }

        if (Has(CrisisSituations.PlaceOfDanger) || Has(CrisisSituations.MethodUnderWay) || Has(CrisisSituations.Means)
            || Has(CrisisSituations.Finality) || assessment.Level >= RiskLevel.Critical)
        {
            return CrisisHarm.PlanOrAttempt;
        }

        if (Category(SupportCategory.SelfHarm) && !Category(SupportCategory.Suicidal))
        {
            return CrisisHarm.SelfHarm;
        }

        return CrisisHarm.General;
    }

    /// <summary>Entries of the lexicon that read being followed (domain/Risk/Lexicon: violence.yaml, situations.yaml).</summary>
    private static readonly string[] FollowEntries = ["stalking-threat", "followed"];

    /// <summary>What the following entries matched that is being followed, not a threat in words (脅された).</summary>
    private static readonly string[] FollowWords = ["つけられ", "付けられ", "つけて", "付けて", "ついてく", "ついて来", "ついてこ", "follow"];

    private static bool IsFollowing(RiskAssessment assessment) =>
        assessment.Rules.Contains("followed-by-someone", StringComparer.Ordinal)
        || assessment.Matches.Any(m => FollowEntries.Contains(m.EntryId, StringComparer.Ordinal)
            && FollowWords.Any(w => m.Term.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The stable wire name (state, docs, tests).</summary>
    public static string ToWire(this CrisisHarm harm) => harm switch
    {
        CrisisHarm.General => "general",
        CrisisHarm.PlanOrAttempt => "plan_or_attempt",
        CrisisHarm.Overdose => "overdose",
        CrisisHarm.SelfHarm => "self_harm",
        CrisisHarm.ViolenceNow => "violence_now",
        CrisisHarm.Abuse => "abuse",
        CrisisHarm.Dv => "dv",
        CrisisHarm.SexualAssault => "sexual_assault",
        CrisisHarm.Sextortion => "sextortion",
        CrisisHarm.FriendInDanger => "friend",
        CrisisHarm.Grooming => "grooming",
        CrisisHarm.Pictures => "pictures",
        CrisisHarm.Followed => "followed",
        CrisisHarm.CriminalJob => "criminal_job",
        _ => throw new ArgumentOutOfRangeException(nameof(harm), harm, null),
    };

    public static CrisisHarm FromWire(string? wire) =>
        Enum.GetValues<CrisisHarm>().FirstOrDefault(h => h.ToWire() == wire, CrisisHarm.General);

    /// <summary>Harms whose danger is to the body now: an unanswered message keeps getting the one action.</summary>
    public static bool IsAcute(this CrisisHarm harm) => harm is CrisisHarm.Overdose or CrisisHarm.PlanOrAttempt or CrisisHarm.ViolenceNow;

    /// <summary>Harms whose reply is itself for words of dying or harming oneself (the 24-hour lines, 110/119).</summary>
    public static bool IsWordsOfDying(this CrisisHarm harm) =>
        harm is CrisisHarm.General or CrisisHarm.PlanOrAttempt or CrisisHarm.Overdose or CrisisHarm.SelfHarm;

    /// <summary>Harms done by another person: 110 comes first, and the check asks about a safe place and speaking.</summary>
    public static bool IsViolence(this CrisisHarm harm) =>
        harm is CrisisHarm.ViolenceNow or CrisisHarm.Abuse or CrisisHarm.Dv or CrisisHarm.SexualAssault or CrisisHarm.Sextortion or CrisisHarm.Grooming
            or CrisisHarm.Pictures or CrisisHarm.Followed or CrisisHarm.CriminalJob;
}
