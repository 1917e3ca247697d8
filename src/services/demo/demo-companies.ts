// size-limit-exempt: data table (the demo hub's startups and their positions, in ko/en/vi), no logic
import type { LanguageLevel, WorkMode } from '../../domain/index.ts'
import type { DemoSkill } from './demo-skills.ts'

/** A position a demo company may offer; the generator adds dates, hours, seats and pay. */
export type DemoPositionTemplate = {
  readonly title: string
  /** What the intern will do, one sentence in English. */
  readonly task: string
  /** The same in Korean, for companies that write in Korean. */
  readonly taskKo?: string
  readonly required: readonly (readonly [DemoSkill, number])[]
  readonly preferred: readonly (readonly [DemoSkill, number])[]
  readonly languages: readonly (readonly [string, LanguageLevel])[]
  readonly workMode: WorkMode
}

/** A synthetic startup: name, domain, size, city and the positions it may open. */
export type DemoCompanyTemplate = {
  readonly name: string
  readonly slug: string
  readonly domain: string
  readonly size: '1-9' | '10-49' | '50-249'
  readonly location: string
  readonly summary: string
  /** Core companies carry the mission's seed domains and are always in a default demo. */
  readonly isCore: boolean
  readonly positions: readonly DemoPositionTemplate[]
}

const EN_B1 = ['en', 'B1'] as const
const EN_B2 = ['en', 'B2'] as const
const KO_A2 = ['ko', 'A2'] as const
const KO_B1 = ['ko', 'B1'] as const

/** The synthetic startups of the demo hub; the first ten are the mission's seed domains. */
export const DEMO_COMPANIES: readonly DemoCompanyTemplate[] = [
  {
    name: 'Demo PickBot Robotics',
    slug: 'pickbot',
    domain: '3D bin-picking robots',
    size: '10-49',
    location: 'Gwangju',
    summary: 'Builds vision-guided robot arms that pick mixed parcels out of bins in logistics centres.',
    isCore: true,
    positions: [
      {
        title: '3D Vision Intern (bin picking)',
        task: 'improve grasp-pose estimation from RGB-D point clouds for cluttered bins',
        taskKo: 'RGB-D 포인트 클라우드 기반 파지 자세 추정 개선',
        required: [
          ['python', 3],
          ['point-cloud', 2],
          ['computer-vision', 3],
        ],
        preferred: [
          ['3d-vision', 3],
          ['pytorch', 3],
          ['cpp', 2],
        ],
        languages: [EN_B1],
        workMode: 'onsite',
      },
      {
        title: 'Robot Software Intern (ROS 2)',
        task: 'integrate perception modules with motion planning on ROS 2',
        required: [
          ['ros', 2],
          ['cpp', 2],
        ],
        preferred: [
          ['python', 3],
          ['linux', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: 'Demo ModelOps',
    slug: 'modelops',
    domain: 'MLOps platform',
    size: '10-49',
    location: 'Seongnam (Pangyo)',
    summary: 'Runs a managed platform that trains, versions and serves models for Korean enterprises.',
    isCore: true,
    positions: [
      {
        title: 'MLOps Engineering Intern',
        task: 'build model-serving pipelines on Kubernetes and add monitoring for drift',
        required: [
          ['docker', 3],
          ['kubernetes', 2],
          ['python', 3],
        ],
        preferred: [
          ['mlops', 2],
          ['aws', 2],
        ],
        languages: [EN_B2],
        workMode: 'remote',
      },
      {
        title: 'Data Pipeline Intern',
        task: 'write Airflow DAGs that prepare training data for customer models',
        required: [
          ['airflow', 2],
          ['sql', 3],
        ],
        preferred: [
          ['data-engineering', 3],
          ['spark', 2],
        ],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: '(데모) 하이퍼라이트 AI',
    slug: 'hyperwrite',
    domain: 'LLM SaaS for enterprise documents',
    size: '10-49',
    location: 'Seoul',
    summary: 'Sells an LLM assistant that drafts and checks Korean business documents.',
    isCore: true,
    positions: [
      {
        title: 'LLM Application Intern',
        task: 'build retrieval-augmented generation over customer documents and evaluate answer quality',
        taskKo: '고객 문서 기반 RAG 파이프라인 구축 및 답변 품질 평가',
        required: [
          ['python', 3],
          ['llm', 2],
          ['rag', 2],
        ],
        preferred: [
          ['langchain', 2],
          ['vector-database', 2],
          ['fastapi', 2],
        ],
        languages: [EN_B2, KO_A2],
        workMode: 'hybrid',
      },
      {
        title: 'LLM 파인튜닝 인턴 (Fine-tuning Intern)',
        task: 'fine-tune open LLMs for Korean and Vietnamese business writing',
        taskKo: '한국어·베트남어 비즈니스 문서용 오픈 LLM 파인튜닝',
        required: [
          ['pytorch', 3],
          ['llm', 3],
        ],
        preferred: [
          ['huggingface', 3],
          ['nlp', 3],
        ],
        languages: [EN_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: 'Demo DubVoice',
    slug: 'dubvoice',
    domain: 'AI dubbing',
    size: '1-9',
    location: 'Seoul',
    summary: 'Dubs Korean web dramas into Vietnamese, Thai and English with cloned voices.',
    isCore: true,
    positions: [
      {
        title: 'Speech Synthesis Intern',
        task: 'train multilingual text-to-speech voices and align them to video timing',
        required: [
          ['speech-synthesis', 2],
          ['pytorch', 3],
        ],
        preferred: [
          ['audio-signal-processing', 2],
          ['speech-recognition', 2],
        ],
        languages: [EN_B1],
        workMode: 'remote',
      },
      {
        title: 'Subtitle & ASR Intern',
        task: 'improve speech recognition and subtitle timing for Vietnamese dubbing',
        required: [
          ['speech-recognition', 2],
          ['python', 3],
        ],
        preferred: [
          ['nlp', 2],
          ['huggingface', 2],
        ],
        languages: [EN_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: 'Demo SensorWorks',
    slug: 'sensorworks',
    domain: 'embedded IoT sensors',
    size: '10-49',
    location: 'Daejeon',
    summary: 'Designs battery-powered vibration and gas sensors for factories and tunnels.',
    isCore: true,
    positions: [
      {
        title: 'Embedded AI Firmware Intern',
        task: 'port small anomaly-detection models to microcontroller firmware',
        required: [
          ['embedded-c', 3],
          ['iot', 2],
        ],
        preferred: [
          ['edge-ai', 2],
          ['anomaly-detection', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: '(데모) 그린팜 컨트롤',
    slug: 'greenfarm',
    domain: 'smart greenhouse control',
    size: '1-9',
    location: 'Naju',
    summary: 'Controls vents, heating and irrigation in strawberry and paprika greenhouses.',
    isCore: true,
    positions: [
      {
        title: 'Greenhouse IoT Intern',
        task: 'connect climate sensors over MQTT and forecast greenhouse temperature',
        taskKo: 'MQTT 기반 환경 센서 연동 및 온실 온도 예측',
        required: [
          ['iot', 2],
          ['python', 2],
        ],
        preferred: [
          ['mqtt', 2],
          ['time-series', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'hybrid',
      },
      {
        title: 'Crop Yield Forecasting Intern',
        task: 'model yield from climate and irrigation time series',
        required: [
          ['time-series', 2],
          ['python', 3],
        ],
        preferred: [['data-analysis', 3]],
        languages: [EN_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: 'Demo MoneyLens',
    slug: 'moneylens',
    domain: 'personal-finance data',
    size: '10-49',
    location: 'Seoul',
    summary: 'Turns MyData bank and card records into budgets and savings advice.',
    isCore: true,
    positions: [
      {
        title: 'Financial Data Science Intern',
        task: 'categorise transactions and flag unusual spending',
        required: [
          ['sql', 3],
          ['data-analysis', 3],
        ],
        preferred: [
          ['anomaly-detection', 2],
          ['statistics', 3],
        ],
        languages: [EN_B2, KO_B1],
        workMode: 'hybrid',
      },
      {
        title: 'Recommendation Engineer Intern',
        task: 'recommend savings products from spending patterns',
        required: [
          ['recommender-systems', 2],
          ['python', 3],
        ],
        preferred: [
          ['sql', 3],
          ['spark', 2],
        ],
        languages: [EN_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: '(데모) 보이스가드',
    slug: 'voiceguard',
    domain: 'voice-phishing detection NLP',
    size: '1-9',
    location: 'Gwangju',
    summary: 'Detects voice-phishing calls in real time for telecoms and banks.',
    isCore: true,
    positions: [
      {
        title: 'Scam Call NLP Intern',
        task: 'classify transcribed calls as scam or safe, in Korean and Vietnamese',
        taskKo: '한국어·베트남어 통화 전사 텍스트의 보이스피싱 분류 모델 개발',
        required: [
          ['nlp', 3],
          ['python', 3],
        ],
        preferred: [
          ['huggingface', 3],
          ['speech-recognition', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
      {
        title: 'Streaming ASR Intern',
        task: 'cut the latency of streaming speech recognition on phone audio',
        required: [
          ['speech-recognition', 3],
          ['pytorch', 2],
        ],
        preferred: [['audio-signal-processing', 3]],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: 'Demo SoundSentry',
    slug: 'soundsentry',
    domain: 'sound anomaly detection',
    size: '1-9',
    location: 'Busan',
    summary: 'Listens to pumps, motors and conveyor belts and warns before they fail.',
    isCore: true,
    positions: [
      {
        title: 'Acoustic Anomaly Detection Intern',
        task: 'train unsupervised models that spot abnormal machine sounds',
        required: [
          ['anomaly-detection', 2],
          ['audio-signal-processing', 2],
        ],
        preferred: [
          ['pytorch', 3],
          ['edge-ai', 2],
        ],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: 'Demo MediScan AI',
    slug: 'mediscan',
    domain: 'AI medical imaging',
    size: '10-49',
    location: 'Daegu',
    summary: 'Reads chest X-rays and CT scans to help radiologists prioritise urgent cases.',
    isCore: true,
    positions: [
      {
        title: 'Medical Imaging AI Intern',
        task: 'train segmentation models for CT scans and validate them with radiologists',
        required: [
          ['pytorch', 3],
          ['computer-vision', 3],
        ],
        preferred: [
          ['medical-imaging', 2],
          ['image-segmentation', 3],
        ],
        languages: [EN_B2],
        workMode: 'hybrid',
      },
      {
        title: 'Imaging Data Engineer Intern',
        task: 'de-identify and convert DICOM studies into training sets',
        required: [
          ['python', 3],
          ['sql', 2],
        ],
        preferred: [
          ['medical-imaging', 2],
          ['data-engineering', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: 'Demo AutoDrive Perception',
    slug: 'autodrive',
    domain: 'autonomous driving perception',
    size: '50-249',
    location: 'Gwangju',
    summary: 'Builds perception stacks for autonomous shuttles on Gwangju test roads.',
    isCore: false,
    positions: [
      {
        title: 'Perception Intern (object detection)',
        task: 'train and compress object detectors for camera and LiDAR fusion',
        required: [
          ['object-detection', 3],
          ['pytorch', 3],
        ],
        preferred: [
          ['point-cloud', 2],
          ['edge-ai', 2],
        ],
        languages: [EN_B1],
        workMode: 'onsite',
      },
      {
        title: 'Simulation & ROS Intern',
        task: 'replay sensor logs in simulation and test perception regressions',
        required: [
          ['ros', 2],
          ['python', 3],
        ],
        preferred: [
          ['docker', 2],
          ['cpp', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: '(데모) 비전인스펙트',
    slug: 'visioninspect',
    domain: 'smart-factory visual inspection',
    size: '10-49',
    location: 'Changwon',
    summary: 'Inspects welds and castings on production lines with deep-learning cameras.',
    isCore: false,
    positions: [
      {
        title: 'Vision Inspection Intern',
        task: 'detect surface defects on castings with few labelled samples',
        taskKo: '소량 라벨 데이터 기반 주물 표면 결함 검출',
        required: [
          ['computer-vision', 3],
          ['opencv', 2],
        ],
        preferred: [
          ['anomaly-detection', 2],
          ['edge-ai', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: 'Demo HangulTutor',
    slug: 'hangultutor',
    domain: 'LLM language tutoring',
    size: '1-9',
    location: 'Seoul',
    summary: 'An LLM tutor that coaches foreigners through Korean conversation and TOPIK practice.',
    isCore: false,
    positions: [
      {
        title: 'Conversational AI Intern',
        task: 'design prompts and evaluation sets for a Korean-speaking tutor',
        required: [
          ['llm', 2],
          ['nlp', 2],
        ],
        preferred: [
          ['react', 2],
          ['fastapi', 2],
        ],
        languages: [EN_B2, KO_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: 'Demo EnergyCast',
    slug: 'energycast',
    domain: 'energy demand forecasting',
    size: '10-49',
    location: 'Naju',
    summary: 'Forecasts regional power demand and solar output for grid operators.',
    isCore: false,
    positions: [
      {
        title: 'Energy Forecasting Intern',
        task: 'forecast hourly demand from weather and calendar features',
        required: [
          ['time-series', 3],
          ['python', 3],
        ],
        preferred: [
          ['statistics', 3],
          ['sql', 2],
        ],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: 'Demo ShopSense',
    slug: 'shopsense',
    domain: 'retail recommender systems',
    size: '10-49',
    location: 'Busan',
    summary: 'Personalises product feeds for mid-size online shops.',
    isCore: false,
    positions: [
      {
        title: 'Recommender Systems Intern',
        task: 'A/B test session-based recommendation models',
        required: [
          ['recommender-systems', 2],
          ['sql', 2],
        ],
        preferred: [
          ['pytorch', 2],
          ['spark', 2],
        ],
        languages: [EN_B1],
        workMode: 'remote',
      },
      {
        title: 'Full-stack ML Intern',
        task: 'ship recommendation widgets with a FastAPI backend and React front end',
        required: [
          ['react', 2],
          ['fastapi', 2],
        ],
        preferred: [['recommender-systems', 2]],
        languages: [EN_B1],
        workMode: 'remote',
      },
    ],
  },
  {
    name: '(데모) 리걸서치',
    slug: 'legalsearch',
    domain: 'legal document search',
    size: '1-9',
    location: 'Seoul',
    summary: 'Searches Korean court rulings and contracts with retrieval-augmented LLMs.',
    isCore: false,
    positions: [
      {
        title: 'Legal RAG Intern',
        task: 'improve retrieval and citation accuracy over court rulings',
        taskKo: '판례 검색 및 인용 정확도 개선',
        required: [
          ['rag', 2],
          ['python', 3],
        ],
        preferred: [
          ['vector-database', 2],
          ['llm', 2],
        ],
        languages: [EN_B1, KO_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: 'Demo AgriDrone Vision',
    slug: 'agridrone',
    domain: 'drone crop monitoring',
    size: '1-9',
    location: 'Jeonju',
    summary: 'Maps crop disease from drone imagery for rice and pepper farms.',
    isCore: false,
    positions: [
      {
        title: 'Aerial Imaging Intern',
        task: 'segment diseased crop areas in multispectral drone images',
        required: [
          ['image-segmentation', 2],
          ['python', 3],
        ],
        preferred: [
          ['computer-vision', 3],
          ['tensorflow', 2],
        ],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: 'Demo CellCheck',
    slug: 'cellcheck',
    domain: 'battery quality analytics',
    size: '50-249',
    location: 'Cheongju',
    summary: 'Predicts battery-cell defects from formation and ageing test data.',
    isCore: false,
    positions: [
      {
        title: 'Manufacturing Data Intern',
        task: 'find early signals of cell defects in formation test curves',
        required: [
          ['time-series', 2],
          ['anomaly-detection', 2],
        ],
        preferred: [
          ['spark', 2],
          ['sql', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'onsite',
      },
    ],
  },
  {
    name: 'Demo PortFlow',
    slug: 'portflow',
    domain: 'port logistics optimisation',
    size: '10-49',
    location: 'Busan',
    summary: 'Predicts container dwell times and plans yard moves for Busan terminals.',
    isCore: false,
    positions: [
      {
        title: 'Logistics Data Platform Intern',
        task: 'stream terminal events into a feature store and serve dwell-time predictions',
        required: [
          ['data-engineering', 2],
          ['sql', 3],
        ],
        preferred: [
          ['kubernetes', 2],
          ['time-series', 2],
        ],
        languages: [EN_B1],
        workMode: 'hybrid',
      },
    ],
  },
  {
    name: '(데모) 케어톡',
    slug: 'caretalk',
    domain: 'conversational AI for elder care',
    size: '1-9',
    location: 'Gwangju',
    summary: 'A voice companion that checks on elderly people living alone.',
    isCore: false,
    positions: [
      {
        title: 'Voice Assistant Intern',
        task: 'connect speech recognition, an LLM and speech synthesis into one dialogue loop',
        taskKo: '음성 인식·LLM·음성 합성을 연결한 대화 파이프라인 개발',
        required: [
          ['speech-recognition', 2],
          ['llm', 2],
        ],
        preferred: [
          ['speech-synthesis', 2],
          ['fastapi', 2],
        ],
        languages: [EN_B1, KO_A2],
        workMode: 'hybrid',
      },
    ],
  },
]
