"""A compact list of common English words, used to tell emphasis from acronyms.

`aloud.narrate.lang.en.normalize` lower-cases an ALL-CAPS token when its lower-case form
(or a simple inflection of it) is in `COMMON_WORDS`: "VERY" is shouted English,
read as a word, while "GDP" is not in the list and stays in capitals so the
engine spells it. The list is hand-picked everyday vocabulary (about 4158
words: function words, common nouns, verbs, adjectives, irregular past forms,
contractions, number, day and month names); it is data, not a dictionary.
"""

from __future__ import annotations

COMMON_WORDS: frozenset[str] = frozenset(
    """
    a abandon ability able about above abroad absence absent absolute absolutely absorb absurd abuse
    academic accent accept acceptable access accident accompany according account accurate accuse
    ache achieve achievement acid acknowledge acknowledgements acquire acre across act action active
    activist activity actor actress actual actually acute ad adapt add addict addition additional
    address adequate adjust admire admission admit adopt adore adult advance advanced advantage
    adventure advertise advice advise adviser afar affair affect afford afloat afraid after
    afternoon afterwards afterword again against age agency agenda agent aggressive agile aglow ago
    agony agree agreement ah aha ahead ahem aid aim ain't air aircraft airline airport aisle alack
    alarm alas album alcohol alert alien alike alive all alley allow allowance ally almost alone
    along alongside alpine already alright also altar alter alternative although altogether always
    am amaze amazed amazing amber ambition ambitious amen amend amid amidst among amongst amount
    ample amuse analysis analyst ancestor anchor ancient and anew angel anger angle angry anguish
    animal ankle anniversary announce annoy annoyed annual another answer antique anxiety anxious
    any anybody anyhow anyone anything anyway anywhere apart apartment apiece apology apparent
    apparently appeal appear appearance appendix appetite applause apple application apply appoint
    appointment appreciate approach appropriate approval approve april apron arch arctic are area
    aren't arena argue argument arise arm armchair armed armor armour army aroma around arrange
    arrangement arrest arrival arrive arrogant arrow art article artist as ashamed ashes ashore
    aside ask asleep aspect assault assemble assess assessment asset assist assistance assistant
    associate association assume assumption astonish astonished at ate atmosphere atop attach attack
    attempt attend attention attic attitude attorney attract attractive audience august aunt author
    authority automatic autumn available avenue average avoid awake award aware awareness away awe
    awesome awful awhile awkward axe ay aye baby back background backward backwards bacon bad badge
    badly bag bah bake baker balance bald ball bamboo ban banana band bandage bandit bank banner bar
    bare barely bargain barn barrel barrier base basic basically basin basis basket bat batch bath
    bathe battle bay be beach beam bean bear beard beast beat beautiful beauty became because beckon
    become bed bedroom beef been beer before beg began beggar begin beginning begun behalf behave
    behavior behaviour behind behold being belief believe bell belong beloved below belt bench bend
    beneath benefit bent berry beside besides best bet betray better between beware bewilder beyond
    bible bicycle bid big bike bill billion bind bird birth birthday biscuit bit bite bitter black
    blade blame blank blanket bleak bleed blend bless blessing blind blink bliss block blond blonde
    blood bloom blossom blow blue blunt blush board boast boat body boil bold bolt bomb bond bone
    bonfire bonnet bonus book boom boot border bore bored boring born borrow bosom boss both bother
    bottle bottom bought bounce bound boundary bounty bow bowl box boy brain brake branch brand
    brandy brass brave bravery bravo bread breadth break breakfast breast breath breathe breed
    breeze brick bride bridge brief briefly bright brilliant brim bring brisk broad broadcast broke
    broken brook broom brother brought brow brown brush brute bubble bucket buckle bud budget bug
    build building built bulb bull bullet bump bunch bundle burden burglar burn burrow burst bury
    bus bush business busy but butcher butter butterfly button buy buyer buzz by cabin cabinet cable
    cage cake calamity calculate call calm came camel camera camp campaign can can't canal cancel
    cancer candid candidate candle candy cane cannot canoe canopy canvas cap capable capacity cape
    capital captain captive capture car carbon carcass card care career careful carefully careless
    carol carpet carriage carrot carry cart carve case cash cast castle casual cat catastrophe catch
    category cathedral cattle caught cause caution cautious cave cavern cease ceiling celebrate
    celestial cell cellar center central centre century ceremony certain certainly chain chair
    chairman chalk challenge chamber champion chance change channel chant chaos chap chapel chapter
    character charcoal charge charity charm chart chase cheap cheat check cheek cheer cheerful
    cheers cheese chef chemical cherry chest chew chicken chief child childhood chill chimney chin
    chip chivalry chocolate choice choir choose chop chorus chose chosen christmas chuckle church
    cigarette cinder cinema circle circumstance cite citizen city civil civilian claim clap clash
    class classic classroom clatter claw clay clean clear clearly clerk clever click client cliff
    climate climb clinic cloak clock close closely clothes clothing cloud clown club clue clumsy
    cluster coach coal coarse coast coat cobweb code coffee coffin coin cold collapse collar
    colleague collect collection college colony color colour column comb combination combine come
    comedy comet comfort comfortable command comment commercial commission commit commitment
    committee common communicate communication community company compare comparison compete
    competition competitive complain complaint complete completely complex complicated component
    compose computer comrade conceal concentrate concept concern concerned concert conclude
    conclusion concrete condition conduct conference confidence confident confirm conflict confront
    confuse confused confusion congress connect connection conquer conscience conscious consent
    consequence conservative consider considerable consideration consist consistent constant
    constantly construct construction consult consumer consumption contact contain container
    contemporary contempt content contest context continue contract contrast contribute contribution
    control controversial convention conversation convert convince cook cool cooperation cope copy
    cord core cork corn corner corporate corpse correct cost cosy cottage cotton cough could
    couldn't council count counter country countryside county couple courage course court courtyard
    cousin cover coward cozy crab crack cradle craft crane crash crawl crazy cream create creation
    creative creature credit creep crest crew crib cricket crime criminal crimson cripple crisis
    crisp criteria critic critical criticise criticism criticize crop cross crow crowd crown crucial
    crude cruel cruelty crumb crumble crust cry crystal cub cuddle cuisine cultural culture cunning
    cup cupboard cure curious currency current currently curse curtain curve cushion custom customer
    cut cycle dad dagger daily dainty dairy daisy damage damp damsel dance danger dangerous dare
    dark darkness data date daughter dawn day daylight dazzle dead deadline deaf deal dealer dealt
    dear death debate debris debt decade decay december decent decide decision deck declare decline
    decorate decrease dedication deed deep deeply deer defeat defence defend defense defiant define
    definite definitely definition degree delay deliberate deliberately delicate delight delighted
    delirium deliver delivery demand democracy democratic demonstrate den dense dentist deny
    department departure depend dependent deposit depressed depression depth deputy derive descend
    describe description desert deserve design designer desire desk despair desperate desperately
    despite destiny destroy destruction detail detailed detect determine develop development device
    devil devote devour dew diamond diary did didn't die diet differ difference different difficult
    difficulty dig digital diligent dim dine dinner direct direction directly director dirt dirty
    disappear disappointed disaster discipline discount discover discovery discuss discussion
    disdain disease disguise disgusted dish dismal dismay dismiss display distance distant distinct
    distinguish distress distribute distribution district disturb ditch dive divide divine division
    divorce dizzy do dock doctor document does doesn't dog doll dollar dome domestic dominate don't
    done doom door doorway dose dot double doubt dove down downstairs downward dozen draft drag
    drain drama dramatic draw drawer drawing drawn dread dreadful dream dress drew drift drill drink
    drip drive driven driver drop drove drown drowsy drug drum drunk dry duck dude due dull dumb
    dump dune dungeon during dusk dust dusty duty dwarf dwell each eager eagle ear early earn
    earnest earth earthquake ease easily east eastern easy eat eaten echo economic economy ecstasy
    edge edit edition editor educate education eel eerie effect effective effectively efficient
    effort egg eight eighteen eighty either elbow elderly elect election electric electricity
    electronic elegant element elephant eleven elf eloquent elsewhere email embark embarrassed ember
    embers embrace emerge emergency emotion emotional emphasis empire employ employee employer
    employment empress empty enable enchant encounter encourage end endless endure enemy energy
    engage engine engineer engineering engulf enjoy enormous enough enrage ensure enter enterprise
    entertain entertainment enthusiasm entire entirely entitle entrance entry envelope envious
    environment environmental envy epilogue equal equally equipment errand error escape especially
    essay essential establish estate estimate eternal eternity even evening event eventually ever
    every everybody everyday everyone everything everywhere evidence evil exact exactly exam
    examination examine example excellent except exception exchange excited exciting exclude
    exclusive excuse executive exercise exhausted exhibition exile exist existence exit expand
    expansion expect expectation expense expensive experience experiment expert explain explanation
    explode explore explosion export expose exposure express expression exquisite extend extension
    extensive extent external extra extraordinary extreme extremely eye fable fabric face facility
    fact factor factory fail failure faint fair fairly fairy faith faithful fake falcon fall fallen
    false familiar family famine famished famous fan fancy fang far fare farewell farm farmer
    fashion fast fat fate father fault favor favorite favour favourite fear fearful fearless feast
    feather feature february fed federal fee feeble feed feel feeling fell fellow felt female fence
    fern ferry festival fever few fiddle field fiend fierce fiery fifteen fifth fifty fig fight
    figure file fill film filthy final finale finally finance financial find fine finger finish fire
    firm firmly first fish fist fit five fix flag flame flash flat flavour fled flee fleet flesh
    flew flicker flight float flock flood floor flow flower flown flute fly foam focus fog fold folk
    follow following folly food fool foolish foot football footnote for forbid forbidden force
    forehead foreign forest forever foreword forget forgive forgot forgotten fork forlorn form
    formal format former formula forth fortress fortune forty forward fossil fought found foundation
    fountain four fourteen fox fragile fragrance fragrant frame frantic freak free freedom freeze
    frenzy frequent frequently fresh fret friday friend friendly friendship frighten frightened
    frightful frog front frost frown frugal fruit fuel full fully fun function fund fundamental
    funeral funny fur furious furniture further fury futile future gain gallant gallery gallop
    gamble game gang gap garage garden garlic gas gasp gate gather gaunt gave gay gaze gem general
    generally generate generation generous gentle gentleman genuine get ghastly ghost ghostly giant
    giddy gift giggle ginger girl give given glad glance glare glass gleam glide glimmer glimpse
    glitter global globe gloom gloomy glorious glory glossary glove glow glue glutton gnaw go goal
    goat goblin god gold golden golf gone good goodbye goods goose gorgeous gospel gossip got gotten
    govern government gown grab grace graceful gracious grade gradually grain grand grandeur
    grandfather grandmother grant grape grasp grass grateful grave gravel gray graze great greed
    greedy green greet grew grey grief grieve grim grin grind grip groan gross grotesque ground
    group grow grown growth grudge gruff grumble guarantee guard guess guest guide guilt guilty gulf
    gun gust guy ha habit had hadn't hail hair half hall hallelujah hamlet hammer hand handle
    handsome hang happen happy harbor harbour hard hardly harm harsh harvest has hasn't haste hasty
    hat hate haughty haunt have haven haven't hawk hay hazard he he'd he'll he's head headline
    health healthy heap hear heard heart hearth heat heathen heaven heavy hedge heedless heel height
    heir held hell hello help helpful hence her herb herd here here's hereby herein heritage hermit
    hero hers herself hesitate hey hi hid hidden hide hideous high highlight highly hike hill him
    himself hinder hint hip hire his historian historic historical history hit hive hmm hoard hoarse
    hold hole holiday hollow holy homage home honest honey honor honour honourable hood hoof hook
    hooray hop hope hopeful horizon horn horrible horrid horrified horror horse hospital host
    hostile hot hotel hour house household housing how how's however hug huge hum human humane
    humble humbug humid humor humour hundred hung hunger hungry hunt hunter hurrah hurricane hurry
    hurt husband hush hut hymn i i'd i'll i'm i've ice icicle idea ideal identify identity idle idol
    if ignorant ignore ill illegal illness illusion image imagination imagine immediate immediately
    immense immigrant immortal impact impatient implement implication imply import importance
    important impose impossible impress impression impressive improve improvement impudent in
    incentive inch incident include including income increase increasingly incredible incredibly
    indeed independence independent index indicate indication indignant individual industrial
    industry inevitable infamous infant infection inferno inflation influence inform information
    inherit initial initially initiative injure injury ink inn inner innocence innocent input
    inquiry insect inside insight insist insolent inspect inspector install instance instead
    institute institution instruction instrument insurance intellectual intelligence intend intense
    intention interest interested interesting interlude internal international internet interpret
    interpretation interrupt interval interview into intrepid introduce introduction invasion invent
    invest investigate investigation investment investor invitation invite involve inward iron is
    island isn't issue it it'll it's itch item its itself ivory ivy jacket jail january jar jaw
    jealous jelly jest jewel job join joint joke jolly journal journalist journey joy joyful
    jubilant judge judgement judgment jug juice juicy july jump june jungle junior jury just justice
    justify keen keep kept kettle key kick kid kill killer kind kindle kindly king kingdom kinsman
    kiss kitchen kite kitten knave knee knew knife knight knit knock knot know knowledge known label
    labor labour lack ladder lady laid lake lamb lament lamp lance land landscape lane language
    languid lantern lap large largely lark last late later latter laugh launch lavish law lawful
    lawn lawyer lay layer lazy lead leader leadership leading leaf league lean leap learn leash
    least leather leave lecture led ledge left leg legacy legal legend leisure lemon lend length
    lent leopard less lesson let let's lethal letter level liberal library licence license lid lie
    life lift light like likely lily limb limit limited line linen linger link lion lip liquid list
    listen lit literally literature little live living lizard lo load loaf loan lobster local locate
    location lock lodge lofty log loiter lone lonely long look loose lord lose loss lost lot loud
    lounge love lovely lover low lower loyal lucid luck lucky lump lunch lure lurk lush machine mad
    madam made magazine magic maid mail main mainly maintain majestic major majority make male
    malice mall man manage management manager mane manner mansion many map maple marble march mare
    mark market marketing marriage married marry marsh marvel mass massive mast master match mate
    material matter maximum may maybe mayor me meadow meal mean meaning means meant meanwhile
    measure meat mechanism media medical medicine medium meet meeting melancholy mellow melt member
    membership memory menace mental mention menu merciful merciless mercy mere merely merry mess
    message met metal method mice middle midnight midst might mighty mild mile military milk mill
    million mind mine minister minor minority mint minute miracle mirror mirth mischief miser
    miserable misery miss missile mission mist mistake mix mixture moan mobile mock model modern
    modest moist moment monday money monitor monk monkey monster monstrous month mood moon moral
    more moreover morning morose mortal mortgage moss most mostly moth mother motion motor mount
    mountain mourn mouse mouth move movement movie much mud mule mumble murder murky murmur muscle
    museum mushroom music musical musician must mustn't mute mutter mutual my myself mystery mystic
    myth nail naive name narrow nasty nation national native natural naturally nature nay near
    nearby nearly neat necessarily necessary neck need needle needn't negative neglect negotiate
    negotiation neighbor neighbour neighbourhood neither nephew nerve nervous nest net network never
    nevertheless new newly news newspaper next nice niece night nimble nine nineteen ninety no
    no-one noble nobody nod noise noisy none nonsense noon nor normal normally north northern nose
    not notch note nothing notice notion nourish novel november novice now nowhere nuclear number
    nun nurse nursery nut o'clock oak oar oath oats obey object objective obligation obscure
    observation observe obstinate obtain obvious obviously occasion occasionally occupy occur ocean
    october odd odds odious of off offence offense offer office officer official often ogre oh oho
    oil ok okay old omen ominous on once one ongoing onion online only onto oops open opening
    operate operation operator opinion opponent opportunity oppose opposite opposition option
    opulent or orange orchard order ordinary organ organisation organise organization organize
    origin original originally orphan ostrich other otherwise otter ouch ought our ours ourselves
    out outcast outcome outrage outside outward oven over overall owe owl own owner ox pace pack
    package paddle pagan page paid pail pain paint painting pair palace pale pallid palm pan pancake
    panel panic pant paper parade paradise parcel pardon parent park parliament parlour parrot part
    participant participate particular particularly partly partner party pass passage passenger
    passion past path patience patient pattern pause paw pay payment pea peace peach peak pear pearl
    peasant pebble peck peculiar peel peep peer pen penalty pencil penny pension people pepper per
    perceive percent perfect perfectly perform performance perhaps peril period perish permanent
    permission permit person personal personality personally perspective persuade pet petal petty
    phase phenomenon philosophy phone photo photograph phrase physical physically piano pick picture
    pie piece piety pig pigeon pile pilgrim pill pillow pilot pin pinch pine pink pious pipe pirate
    pitch pity place placid plague plan plane planet plank plant plastic plate platform play player
    plea plead pleasant please pleased pleasure plenty plight plot plum plump plunder plus pocket
    poem poet poetry point poise poison poke police policy political politician politics poll
    pollution pond ponder pony pool poor pop popular population porch port portrait pose position
    positive possess possession possibility possible possibly post pot potato potential pounce pound
    pour poverty powder power powerful practical practice practise praise prank pray prayer precise
    precisely predict preface prefer preference pregnant premise preparation prepare presence
    present preserve president press pressure presumably pretend pretty prevent previous previously
    prey price prick pride priest primarily primary prime prince princess principal principle print
    prior priority prison prisoner private privilege prize probably problem procedure proceed
    process produce producer product production profession professional professor profile profit
    program programme progress project prologue promise promote promotion prompt proof proper
    properly property proportion proposal propose prosecution prospect protect protection protein
    protest proud prove provide province provision prowl prudent pub public publication publish
    puddle puff pull pulse pump pumpkin punch punish pupil puppy purchase pure purple purpose purse
    pursue push put puzzle quaint qualify quality quantity quarrel quarter queen queer quench quest
    question quick quickly quiet quietly quill quilt quit quite quiver quote rabbit race racial
    radiant radical radio raft rag rage rail rain raise rake ram rampant ran rancid range rank
    ransom rapid rapidly rare rarely rascal rash rat rate rather ratio rattle ravage raven ravine
    raw reach react reaction read reader reading ready real realise reality realize really realm
    reason reasonable rebel recall receive recent recently reception recipe reckless recognise
    recognize recommend record recover recovery red reduce reduction reed reef refer reference
    reflect reform refuge refuse regard regime region regional register regret regular regularly
    regulation rein reject relate relation relationship relative relatively relax release relevant
    relic relief relieved religion religious relish rely remain remaining remark remarkable remember
    remind remorse remote remove rent repair repeat repent replace reply report reporter represent
    representative reputation request require requirement rescue research reserve reside resident
    resign resist resistance resolute resolution resolve resort resource respect respond response
    responsibility responsible rest restaurant restless restore restrict result retain retire
    retirement return reveal revenge revenue revere review revolution reward rhythm rib ribbon rice
    rich rid ridden riddle ride rifle right rigid rim ring ripe ripple rise risen risk rival river
    road roar roast robe robin rock rod rode rogue role roll romantic roof room root rope rose rot
    rotten rough roughly round route routine row royal rub rubbish rude ruin rule rumour run rural
    rush rust rusty ruthless sacred sad saddle safe safety sage said sail sailor saint sake salary
    sale salt same sample sand sang sank sat satisfy saturday sauce saucer savage save saw say scale
    scandal scar scarce scared scarf scatter scene scent schedule scheme scholar school science
    scientific scientist scissors scold score scorn scoundrel scowl scrap scream screen script scrub
    sea seal seam search season seat second secret secretary section sector secure security see seed
    seek seem seen seize seldom select selection self sell send senior sense sensible sensitive sent
    sentence sentinel separate september sequence serene series serious seriously servant serve
    service session set settle settlement seven seventeen seventy several severe sew sex sexual
    shabby shade shadow shaggy shake shaken shall shame shan't shape share shark sharp she she'd
    she'll she's shed sheep sheet shelf shell shelter shepherd shh shield shift shine ship shirt
    shiver shock shocked shoe shook shoot shop shopping shore short shortly shot should shoulder
    shouldn't shout show shower shrewd shriek shrill shroud shrug shudder shut shy sick side siege
    sieve sigh sight sign signal significant silence silent silk silly silver similar simple simply
    sin since sing singer single sinister sink sip sir sister sit site situation six sixteen sixty
    size skate skeleton sketch skill skin skirt skull sky slam slap slate slave slay sled sleep
    sleeve slept slice slide slight slightly slim sling slip slipper slope slow slowly slug sly
    small smart smash smell smile smoke smooth snail snake snap sneak sneer sneeze sniff snore snow
    so soap sob social society sock sofa soft software soil sold soldier solemn solid solitude
    solution solve somber sombre some somebody somehow someone something sometimes somewhat
    somewhere son song soon soot sorcerer sorrow sorry sort sought soul sound soup source south
    southern sovereign space spade spare spark sparrow speak speaker spear special specialist
    species specific specter spectre speech speed spell spend spent spice spider spike spill spin
    spirit spiritual spite splendid split spoke spoken spokesman spoon sport spot sprang spread
    spring squalid square squeeze squirrel stab stable stack staff stag stage stagger stain stair
    stake stall stamp stand standard star stare stark start starve state stately statement station
    status stave stay steady steal steam steel stem step stern stew stick still sting stock stole
    stomach stone stood stool stop storage store stork storm story stout stove straight strain
    strange stranger strategy straw stream street strength stress stretch strict strike string strip
    stripe strive stroke stroll strong strongly struck structure struggle stuck student studio study
    stuff stumble stung stupid sturdy style subject sublime submit substance succeed success
    successful such sudden suddenly suffer sufficient sugar suggest suggestion suit sulk sullen
    summer summit sumptuous sun sunday sung sunset super superb supply support suppose sure surely
    surface surprise surprised surround survey survive suspect swagger swam swamp swan swarm swear
    sweat sweet swell swept swift swim swing switch swoon sword swore swung symbol sympathy system
    table tail take taken tale talent talk tall tame tank tap target tart task taste taught taunt
    tax tea teach teacher team tear tease technical technique technology tedious teenager telephone
    television tell temperature tempest temporary ten tend tendency tender tension tent tepid term
    terms terrible terrified terrify territory terror test text than thank thankful thanks that
    that's the theater theatre their theirs them theme themselves then theory therapy there there's
    thereafter thereby therefore therein these they they'd they'll they're they've thick thief thin
    thing think third thirteen thirty this thorn thorough those though thought thousand thread
    threat threaten three threw thrilled thrive throne through throughout throw thrown thumb thunder
    thursday thus ticket tide tidy tie tiger tight till timber time timid tiny tip tired title to
    toad today toe together toil toilet told tomb tomorrow tone tongue tonight too took tool tooth
    top topic torch tore torment torn tortoise toss total totally touch tough tour tourist toward
    towards towel tower town toy trace track trade tradition traditional traffic tragedy trail train
    training tranquil transfer transform transition translate transport trap travel tray treachery
    treasure treat treatment treaty tree tremble tremor trend trial tribe trick trifle trillion trim
    trip triumph troop trot trouble truck true truly trumpet trunk trust truth try tube tuesday
    tulip tumble tune tunnel turkey turmoil turn twelve twenty twice twig twin twist two type
    typical tyrant ugh ugly ultimate ultimately umbrella unable uncle under understand understanding
    understood unemployment unfortunately uniform union unique unit unite unity universal universe
    university unkind unless unlike unlikely unruly unseen until unto unusual up update upon upper
    upset upstairs upward urban urge urgent us use used useful user usual usually utter vacation
    vain valiant valley valor valour valuable value van vanish vanity vapor vapour variation variety
    various vary vast vegetable vehicle veil velvet vengeance venture verge version very vessel
    veteran vex via victim victory video view vigil vigilant vile village villain vine violence
    violent violet violin virtual virtually virtue visible vision visit visitor visual vital vivid
    voice volume volunteer vote voter vow voyage vulnerable vulture wag wage wagon wail waist wait
    wake walk wall wand wander wane want war wardrobe warm warn warning warrior was wash wasn't wasp
    waste watch water wave way we we'd we'll we're we've weak weakness wealth weapon wear weary
    weather weave web wedding wednesday weed week weekend weekly weigh weight welcome welfare well
    went wept were weren't west western wet whale what what's whatever wheat wheel when whenever
    where where's whereas whereby wherein wherever whether which whichever while whilst whim whip
    whisper whistle white who who's whoever whole whom whomever whose why wicked wide widely widow
    wife wig wild will willing win wind window wine wing wink winner winter wire wise wish wit witch
    with withdraw wither within without witness wizard woe woke wolf woman womb won won't wonder
    wonderful wood wooden wool word wore work worker working world worm worn worried worry worse
    worst worth would wouldn't wound wow wrap wrath wreck wretch wretched wrinkle wrist write writer
    writing written wrong wrote yard yawn yea yeah year yearn yell yellow yelp yes yesterday yet
    yield yonder you you'd you'll you're you've young youngster your yours yourself yourselves youth
    yuck zeal zealous zero zone
    """.split()
)
